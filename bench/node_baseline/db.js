'use strict';

// Sequelize models of the Node.js baseline: users, stores and their
// members, products with variants, images and tags, and guest orders with
// their idempotency keys. Money columns are integer minor units.

const { Sequelize, DataTypes, Transaction } = require('sequelize');

// Opens the SQLite file at `storage` (created when missing) and defines
// the models. Call `prepareDatabase` before the first query.
function openDatabase(storage) {
  const sequelize = new Sequelize({
    dialect: 'sqlite',
    storage,
    logging: false,
    // A DEFERRED transaction that reads and then writes fails at once with
    // SQLITE_BUSY when another connection committed in between. IMMEDIATE
    // takes the write lock at BEGIN, so a writer in another process (such
    // as seed.js) makes it wait instead.
    transactionType: Transaction.TYPES.IMMEDIATE,
  });
  setSynchronousOnEachConnection(sequelize);
  return { sequelize, models: defineModels(sequelize) };
}

// Sets synchronous=NORMAL, as shopkit's host runs, on every connection
// Sequelize opens. Its sqlite dialect opens one for each transaction and
// calls no hook for it, so this wraps getConnection and runs the pragma
// before the transaction's BEGIN. Without it each commit would sync the
// WAL to disk (SQLite's default, FULL), a cost shopkit does not pay.
function setSynchronousOnEachConnection(sequelize) {
  const manager = sequelize.connectionManager;
  const getConnection = manager.getConnection.bind(manager);
  const configured = new WeakSet();
  manager.getConnection = async (options) => {
    const connection = await getConnection(options);
    if (!configured.has(connection)) {
      configured.add(connection);
      await new Promise((resolve, reject) => {
        connection.run('PRAGMA synchronous=NORMAL', (error) =>
          (error ? reject(error) : resolve()));
      });
    }
    return connection;
  };
}

// Returns a function that runs `work` in a Sequelize transaction after the
// transactions it started before have ended, one at a time.
//
// Sequelize's sqlite dialect opens a connection for each transaction, and
// node-sqlite3 runs every statement on libuv's pool of 4 threads. When
// more transactions than that wait at BEGIN for SQLite's single write
// lock, their busy handlers hold every thread, and the transaction that
// holds the lock cannot run its next statement. Requests then stall and
// fail with SQLITE_BUSY once node-sqlite3's 1 s busy timeout and
// Sequelize's retries run out. SQLite runs one writer at a time anyway,
// but the queue also stops one transaction from opening its connection
// while another one writes.
function createTransactionQueue(sequelize) {
  let previous = Promise.resolve();
  return (work) => {
    const result = previous.then(() => sequelize.transaction(work));
    previous = result.catch(() => {});
    return result;
  };
}

// Switches the file to WAL and creates the tables that do not exist yet.
async function prepareDatabase(sequelize) {
  await sequelize.query('PRAGMA journal_mode=WAL');
  await sequelize.sync();
}

function defineModels(sequelize) {
  const User = sequelize.define('User', {
    email: { type: DataTypes.STRING, allowNull: false, unique: true },
    passwordHash: { type: DataTypes.STRING, allowNull: false },
  }, { underscored: true });

  const Store = sequelize.define('Store', {
    handle: { type: DataTypes.STRING, allowNull: false, unique: true },
    name: { type: DataTypes.STRING, allowNull: false },
    currency: { type: DataTypes.STRING(3), allowNull: false, defaultValue: 'USD' },
    status: { type: DataTypes.STRING, allowNull: false, defaultValue: 'active' },
    taxRateBps: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    flatShipping: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
  }, { underscored: true });

  const Membership = sequelize.define('Membership', {
    role: { type: DataTypes.STRING, allowNull: false, defaultValue: 'owner' },
  }, {
    underscored: true,
    indexes: [{ unique: true, fields: ['user_id', 'store_id'] }],
  });

  const Product = sequelize.define('Product', {
    handle: { type: DataTypes.STRING, allowNull: false },
    title: { type: DataTypes.STRING, allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: false, defaultValue: '' },
    status: { type: DataTypes.STRING, allowNull: false, defaultValue: 'draft' },
    vendor: { type: DataTypes.STRING, allowNull: false, defaultValue: '' },
    options: { type: DataTypes.JSON, allowNull: false, defaultValue: [] },
  }, {
    underscored: true,
    indexes: [
      { unique: true, fields: ['store_id', 'handle'] },
      { fields: ['store_id', 'status', 'id'] },
    ],
  });

  const Variant = sequelize.define('Variant', {
    sku: { type: DataTypes.STRING, allowNull: false },
    options: { type: DataTypes.JSON, allowNull: false, defaultValue: [] },
    priceAmount: { type: DataTypes.INTEGER, allowNull: false },
    currency: { type: DataTypes.STRING(3), allowNull: false },
    stock: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    position: { type: DataTypes.INTEGER, allowNull: false },
  }, {
    underscored: true,
    indexes: [
      { unique: true, fields: ['store_id', 'sku'] },
      { fields: ['product_id'] },
    ],
  });

  const Image = sequelize.define('Image', {
    url: { type: DataTypes.STRING(2048), allowNull: false },
    alt: { type: DataTypes.STRING, allowNull: false, defaultValue: '' },
    position: { type: DataTypes.INTEGER, allowNull: false },
  }, {
    underscored: true,
    indexes: [{ fields: ['product_id'] }],
  });

  const ProductTag = sequelize.define('ProductTag', {
    name: { type: DataTypes.STRING, allowNull: false },
  }, {
    underscored: true,
    indexes: [{ unique: true, fields: ['product_id', 'name'] }],
  });

  const Order = sequelize.define('Order', {
    number: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.STRING, allowNull: false, defaultValue: 'pending' },
    email: { type: DataTypes.STRING, allowNull: false },
    currency: { type: DataTypes.STRING(3), allowNull: false },
    subtotal: { type: DataTypes.INTEGER, allowNull: false },
    shipping: { type: DataTypes.INTEGER, allowNull: false },
    tax: { type: DataTypes.INTEGER, allowNull: false },
    total: { type: DataTypes.INTEGER, allowNull: false },
    shippingAddress: { type: DataTypes.JSON, allowNull: false },
  }, {
    underscored: true,
    indexes: [{ unique: true, fields: ['store_id', 'number'] }],
  });

  const OrderLine = sequelize.define('OrderLine', {
    sku: { type: DataTypes.STRING, allowNull: false },
    title: { type: DataTypes.STRING, allowNull: false },
    variantTitle: { type: DataTypes.STRING, allowNull: false },
    unitPrice: { type: DataTypes.INTEGER, allowNull: false },
    quantity: { type: DataTypes.INTEGER, allowNull: false },
    lineTotal: { type: DataTypes.INTEGER, allowNull: false },
    position: { type: DataTypes.INTEGER, allowNull: false },
  }, {
    underscored: true,
    indexes: [{ fields: ['order_id'] }],
  });

  // A checkout's Idempotency-Key, scoped to the store and the buyer's
  // email, with a hash of the request body to detect a reuse with another
  // body.
  const IdempotencyKey = sequelize.define('IdempotencyKey', {
    key: { type: DataTypes.STRING, allowNull: false },
    email: { type: DataTypes.STRING, allowNull: false },
    requestHash: { type: DataTypes.STRING(64), allowNull: false },
  }, {
    underscored: true,
    indexes: [{ unique: true, fields: ['store_id', 'email', 'key'] }],
  });

  // A required foreign key `name`, whose rows go with their parent.
  const required = (name) => ({ foreignKey: { name, allowNull: false }, onDelete: 'CASCADE' });

  User.hasMany(Membership, required('userId'));
  Membership.belongsTo(User, { foreignKey: 'userId' });
  Store.hasMany(Membership, required('storeId'));
  Membership.belongsTo(Store, { foreignKey: 'storeId' });

  Store.hasMany(Product, required('storeId'));
  Product.hasMany(Variant, { ...required('productId'), as: 'variants' });
  Variant.belongsTo(Product, { foreignKey: 'productId' });
  Store.hasMany(Variant, required('storeId'));
  Product.hasMany(Image, { ...required('productId'), as: 'images' });
  Product.hasMany(ProductTag, { ...required('productId'), as: 'tags' });

  Store.hasMany(Order, required('storeId'));
  Order.hasMany(OrderLine, { ...required('orderId'), as: 'lines' });
  Variant.hasMany(OrderLine, { foreignKey: { name: 'variantId', allowNull: true }, onDelete: 'SET NULL' });
  Store.hasMany(IdempotencyKey, required('storeId'));
  Order.hasMany(IdempotencyKey, required('orderId'));

  return {
    User, Store, Membership, Product, Variant, Image, ProductTag, Order,
    OrderLine, IdempotencyKey,
  };
}

module.exports = { openDatabase, prepareDatabase, createTransactionQueue };
