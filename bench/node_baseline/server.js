'use strict';

// The four routes that bench/http measures on shopkit's example host,
// written with Express, Sequelize (SQLite in WAL mode) and jsonwebtoken,
// plus the login and store list that bench/node_baseline/run.sh needs for
// seeding. One process, bound to 127.0.0.1.
//
// Environment: PORT (default 0, a port the OS picks), DB_PATH (default
// shop.sqlite in the working directory), JWT_SECRET (default random for
// each start, so tokens do not survive a restart).

const crypto = require('node:crypto');
const express = require('express');
const { Op, UniqueConstraintError } = require('sequelize');

const { openDatabase, prepareDatabase, createTransactionQueue } = require('./db');
const auth = require('./auth');
const {
  HttpError,
  isPlainObject,
  parseProductInput,
  handleFromTitle,
  readIdempotencyKey,
  parseCheckoutInput,
} = require('./validation');

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

function money(amount, currency) {
  return { amount, currency };
}

function productJson(product) {
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    description: product.description,
    status: product.status,
    vendor: product.vendor,
    tags: product.tags.map((tag) => tag.name),
    options: product.options,
    variants: product.variants.map((variant) => ({
      id: variant.id,
      sku: variant.sku,
      options: variant.options,
      price: money(variant.priceAmount, variant.currency),
      stock: variant.stock,
    })),
    images: product.images.map((image) => ({
      url: image.url,
      alt: image.alt,
      position: image.position,
    })),
    created_at: product.createdAt,
    updated_at: product.updatedAt,
  };
}

function orderJson(order) {
  const { currency } = order;
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    email: order.email,
    lines: order.lines.map((line) => ({
      sku: line.sku,
      title: line.title,
      variant_title: line.variantTitle,
      unit_price: money(line.unitPrice, currency),
      quantity: line.quantity,
      line_total: money(line.lineTotal, currency),
    })),
    subtotal: money(order.subtotal, currency),
    shipping: money(order.shipping, currency),
    tax: money(order.tax, currency),
    total: money(order.total, currency),
    shipping_address: order.shippingAddress,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
  };
}

// Returns a positive integer id from a path parameter, or null.
function parseId(text) {
  return /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : null;
}

function encodeCursor(productId) {
  return Buffer.from(`p:${productId}`).toString('base64url');
}

function decodeCursor(cursor) {
  const match = /^p:([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) {
    throw new HttpError(400, 'invalid_argument',
      'cursor is malformed; pass the next_cursor of the previous page unchanged', 'cursor');
  }
  return Number(match[1]);
}

function parseLimit(text) {
  if (text === undefined) return DEFAULT_PAGE_SIZE;
  const limit = /^[0-9]{1,4}$/.test(text) ? Number(text) : 0;
  if (limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new HttpError(400, 'invalid_argument',
      `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`, 'limit');
  }
  return limit;
}

function createApp({ sequelize, models, jwtSecret }) {
  const {
    User, Store, Membership, Product, Variant, Image, ProductTag, Order,
    OrderLine, IdempotencyKey,
  } = models;
  const runInTransaction = createTransactionQueue(sequelize);

  const productInclude = [
    { model: Variant, as: 'variants' },
    { model: Image, as: 'images' },
    { model: ProductTag, as: 'tags' },
  ];
  const productIncludeOrder = [
    [{ model: Variant, as: 'variants' }, 'position', 'ASC'],
    [{ model: Image, as: 'images' }, 'position', 'ASC'],
    [{ model: ProductTag, as: 'tags' }, 'id', 'ASC'],
  ];
  const orderInclude = [{ model: OrderLine, as: 'lines' }];
  const orderIncludeOrder = [[{ model: OrderLine, as: 'lines' }, 'position', 'ASC']];

  // Sets req.userId from a valid bearer token, or responds with 401.
  function requireUser(req, res, next) {
    const match = /^bearer +(\S+)$/i.exec(req.get('Authorization') || '');
    if (!match) {
      throw new HttpError(401, 'unauthenticated', 'a bearer token is required');
    }
    try {
      req.userId = auth.verifyAccessToken(match[1], jwtSecret);
    } catch (error) {
      throw new HttpError(401, 'unauthenticated', `invalid access token: ${error.message}`);
    }
    next();
  }

  function requireBodyObject(req) {
    if (!isPlainObject(req.body)) {
      throw new HttpError(400, 'invalid_argument',
        'the body must be a JSON object sent with Content-Type: application/json');
    }
    return req.body;
  }

  // Returns the store with id `storeIdText` when the user is a member.
  // Anyone else gets the same 404 as for a missing store.
  async function findMemberStore(userId, storeIdText) {
    const storeId = parseId(storeIdText);
    const membership = storeId && await Membership.findOne({
      where: { userId, storeId },
      include: [{ model: Store, where: { status: 'active' } }],
    });
    if (!membership) {
      throw new HttpError(404, 'not_found', `no store '${storeIdText}'`, 'store_id');
    }
    return membership.Store;
  }

  async function findActiveStore(handle) {
    const store = await Store.findOne({ where: { handle, status: 'active' } });
    if (!store) throw new HttpError(404, 'not_found', `no store '${handle}'`, 'handle');
    return store;
  }

  // Returns `requested` when it is free in the store. A handle made from
  // the title gets the first free suffix -2, -3, ... instead, and a taken
  // handle from the body is rejected with 409.
  async function chooseHandle(storeId, requested, derived, transaction) {
    let handle = requested;
    for (let suffix = 2; ; suffix += 1) {
      const taken = await Product.findOne({
        where: { storeId, handle }, attributes: ['id'], transaction,
      });
      if (!taken) return handle;
      if (!derived) {
        throw new HttpError(409, 'already_exists', `handle '${handle}' is taken in this store`, 'handle');
      }
      handle = `${requested}-${suffix}`;
    }
  }

  async function createProduct(store, input) {
    return runInTransaction(async (transaction) => {
      const skus = input.variants.map((variant) => variant.sku);
      const taken = await Variant.findOne({
        where: { storeId: store.id, sku: skus }, attributes: ['sku'], transaction,
      });
      if (taken) {
        const index = skus.indexOf(taken.sku);
        throw new HttpError(409, 'already_exists',
          `SKU '${taken.sku}' is taken in this store`, `variants[${index}].sku`);
      }
      const derived = input.handle === null;
      const handle = await chooseHandle(
        store.id, derived ? handleFromTitle(input.title) : input.handle, derived, transaction);
      return Product.create({
        ...input,
        handle,
        storeId: store.id,
        variants: input.variants.map((variant) => ({ ...variant, storeId: store.id })),
        tags: input.tags.map((name) => ({ name })),
      }, { include: productInclude, transaction });
    });
  }

  // Places a guest order in one transaction. A key that the same buyer
  // used before returns that order. Otherwise the stock of each line is
  // checked and decremented, and the order, its lines and the key are
  // stored.
  async function placeOrder(store, key, input) {
    const requestHash = crypto.createHash('sha256').update(JSON.stringify(input)).digest('hex');
    return runInTransaction(async (transaction) => {
      const used = await IdempotencyKey.findOne({
        where: { storeId: store.id, email: input.email, key }, transaction,
      });
      if (used) {
        if (used.requestHash !== requestHash) {
          throw new HttpError(409, 'conflict',
            `Idempotency-Key '${key}' was used with a different request`, 'idempotency_key');
        }
        return Order.findByPk(used.orderId, {
          include: orderInclude, order: orderIncludeOrder, transaction,
        });
      }

      const variants = await Variant.findAll({
        where: { storeId: store.id, sku: input.lines.map((line) => line.sku) },
        include: [{ model: Product, attributes: ['title', 'status'] }],
        transaction,
      });
      const bySku = new Map(variants.map((variant) => [variant.sku, variant]));
      const lines = [];
      for (const [i, { sku, quantity }] of input.lines.entries()) {
        const variant = bySku.get(sku);
        if (!variant || variant.Product.status !== 'active') {
          throw new HttpError(400, 'invalid_argument', `SKU '${sku}' is not for sale`, `lines[${i}].sku`);
        }
        if (variant.stock < quantity) {
          throw new HttpError(409, 'conflict',
            `only ${variant.stock} of SKU '${sku}' available, ${quantity} requested`, `lines[${i}].quantity`);
        }
        await variant.decrement('stock', { by: quantity, transaction });
        lines.push({
          variantId: variant.id,
          sku,
          title: variant.Product.title,
          variantTitle: variant.options.join(' / '),
          unitPrice: variant.priceAmount,
          quantity,
          lineTotal: variant.priceAmount * quantity,
          position: i + 1,
        });
      }

      const subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
      const tax = Math.round((subtotal * store.taxRateBps) / 10000);
      const shipping = store.flatShipping;
      const lastNumber = await Order.max('number', { where: { storeId: store.id }, transaction });
      const order = await Order.create({
        storeId: store.id,
        number: (lastNumber ?? 0) + 1,
        email: input.email,
        currency: store.currency,
        subtotal,
        shipping,
        tax,
        total: subtotal + shipping + tax,
        shippingAddress: input.shippingAddress,
        lines,
      }, { include: orderInclude, transaction });
      await IdempotencyKey.create({
        storeId: store.id, orderId: order.id, email: input.email, key, requestHash,
      }, { transaction });
      return order;
    });
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json());

  app.post('/api/v1/auth/login', async (req, res) => {
    const body = requireBodyObject(req);
    if (typeof body.email !== 'string' || typeof body.password !== 'string') {
      throw new HttpError(400, 'invalid_argument', 'email and password must be strings');
    }
    const user = await User.findOne({ where: { email: body.email.trim().toLowerCase() } });
    const valid = user !== null && await auth.verifyPassword(body.password, user.passwordHash);
    if (!valid) throw new HttpError(401, 'unauthenticated', 'invalid email or password');
    res.json({
      access_token: auth.signAccessToken(user.id, jwtSecret),
      token_type: 'Bearer',
      expires_in: auth.ACCESS_TOKEN_SECONDS,
    });
  });

  app.get('/api/v1/stores', requireUser, async (req, res) => {
    const memberships = await Membership.findAll({
      where: { userId: req.userId },
      include: [Store],
      order: [['id', 'ASC']],
    });
    res.json({
      items: memberships.map(({ Store: store, role }) => ({
        id: store.id,
        handle: store.handle,
        name: store.name,
        currency: store.currency,
        status: store.status,
        role,
        created_at: store.createdAt,
      })),
      next_cursor: null,
    });
  });

  app.post('/api/v1/admin/stores/:storeId/products', requireUser, async (req, res) => {
    const store = await findMemberStore(req.userId, req.params.storeId);
    const input = parseProductInput(requireBodyObject(req), store.currency);
    const product = await createProduct(store, input);
    res.status(201).json(productJson(product));
  });

  app.get('/api/v1/stores/:handle/products/:productHandle', async (req, res) => {
    const store = await findActiveStore(req.params.handle);
    const product = await Product.findOne({
      where: { storeId: store.id, handle: req.params.productHandle, status: 'active' },
      include: productInclude,
      order: productIncludeOrder,
    });
    if (!product) {
      throw new HttpError(404, 'not_found', `no product '${req.params.productHandle}'`, 'product_handle');
    }
    res.json(productJson(product));
  });

  // Active products, newest first, with keyset paging on the product id.
  app.get('/api/v1/stores/:handle/products', async (req, res) => {
    const limit = parseLimit(req.query.limit);
    const where = { status: 'active' };
    if (req.query.cursor !== undefined) {
      where.id = { [Op.lt]: decodeCursor(String(req.query.cursor)) };
    }
    const store = await findActiveStore(req.params.handle);
    where.storeId = store.id;
    const products = await Product.findAll({
      where,
      include: productInclude,
      order: [['id', 'DESC'], ...productIncludeOrder],
      limit: limit + 1,
    });
    const page = products.slice(0, limit);
    res.json({
      items: page.map(productJson),
      next_cursor: products.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    });
  });

  app.post('/api/v1/stores/:handle/checkout', async (req, res) => {
    const key = readIdempotencyKey(req.get('Idempotency-Key'));
    const input = parseCheckoutInput(requireBodyObject(req));
    const store = await findActiveStore(req.params.handle);
    const order = await placeOrder(store, key, input);
    res.status(201).json(orderJson(order));
  });

  app.use((req, res) => {
    res.status(404).json({
      error: { code: 'not_found', message: `no route ${req.method} ${req.path}` },
    });
  });

  // Express calls this for thrown errors and rejected promises of the
  // handlers above, and for body parser failures.
  app.use((error, req, res, next) => {
    let response = error;
    if (error instanceof UniqueConstraintError) {
      response = new HttpError(409, 'already_exists', 'a unique value in the request is taken');
    } else if (error.type === 'entity.parse.failed') {
      response = new HttpError(400, 'invalid_argument', 'the body is not valid JSON');
    } else if (error.type === 'entity.too.large') {
      response = new HttpError(413, 'payload_too_large', `the body is over ${error.limit} bytes`);
    } else if (error.expose && error.status >= 400 && error.status < 500) {
      // Other body parser failures, such as an unsupported charset.
      response = new HttpError(error.status, 'bad_request', error.message);
    } else if (!(error instanceof HttpError)) {
      console.error(`${req.method} ${req.originalUrl} failed:`, error);
      response = new HttpError(500, 'internal', 'internal error, see the server log');
    }
    if (response.status === 401) res.set('WWW-Authenticate', 'Bearer');
    const body = { code: response.code, message: response.message };
    if (response.field) body.field = response.field;
    res.status(response.status).json({ error: body });
  });

  return app;
}

async function main() {
  const port = Number(process.env.PORT || 0);
  const jwtSecret = process.env.JWT_SECRET || crypto.randomBytes(32).toString('hex');
  const { sequelize, models } = openDatabase(process.env.DB_PATH || 'shop.sqlite');
  await prepareDatabase(sequelize);

  const app = createApp({ sequelize, models, jwtSecret });
  const server = app.listen(port, '127.0.0.1', (error) => {
    if (error) {
      console.error(`cannot listen on 127.0.0.1:${port}:`, error);
      process.exit(1);
    }
    console.log(`listening on http://127.0.0.1:${server.address().port}`);
  });

  const stop = (signal) => {
    console.error(`received ${signal}, stopping`);
    server.close(() => sequelize.close().finally(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  console.error('the server failed to start:', error);
  process.exit(1);
});
