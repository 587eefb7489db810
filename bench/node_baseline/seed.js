'use strict';

// Creates a user and a store that the user owns, as shopkit's create-user
// and create-store commands do for bench/http/run.sh.
//
// Usage: DB_PATH=FILE SEED_PASSWORD=... node seed.js EMAIL STORE_HANDLE STORE_NAME

const { openDatabase, prepareDatabase } = require('./db');
const { hashPassword } = require('./auth');

async function seed() {
  const [email, handle, name] = process.argv.slice(2);
  const password = process.env.SEED_PASSWORD;
  if (!email || !handle || !name || !password) {
    throw new Error('usage: DB_PATH=FILE SEED_PASSWORD=... node seed.js EMAIL STORE_HANDLE STORE_NAME');
  }
  const { sequelize, models } = openDatabase(process.env.DB_PATH || 'shop.sqlite');
  await prepareDatabase(sequelize);
  const passwordHash = await hashPassword(password);
  await sequelize.transaction(async (transaction) => {
    const user = await models.User.create({ email: email.toLowerCase(), passwordHash }, { transaction });
    const store = await models.Store.create({ handle, name }, { transaction });
    await models.Membership.create({ userId: user.id, storeId: store.id, role: 'owner' }, { transaction });
  });
  await sequelize.close();
}

seed().catch((error) => {
  console.error('seeding failed:', error.message);
  process.exit(1);
});
