'use strict';

// Checks and normalizes the JSON bodies of product creation and checkout.
// Every failure is an HttpError that names the field by its path, for
// example `variants[0].price.amount`.

const PRODUCT_STATUSES = ['draft', 'active', 'archived'];
const MAX_OPTIONS = 3;
const MAX_VARIANTS = 100;
const MAX_TEXT = 255;
const HANDLE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

class HttpError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

function invalid(field, message) {
  return new HttpError(400, 'invalid_argument', message, field);
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireObject(value, field) {
  if (!isPlainObject(value)) throw invalid(field, `${field} must be a JSON object`);
  return value;
}

function requireArray(value, field) {
  if (!Array.isArray(value)) throw invalid(field, `${field} must be an array`);
  return value;
}

// Returns the trimmed string, or `fallback` when the value is absent.
function readText(value, field, { required = false, fallback = '', max = MAX_TEXT } = {}) {
  if (value === undefined || value === null) {
    if (required) throw invalid(field, `${field} is missing`);
    return fallback;
  }
  if (typeof value !== 'string') throw invalid(field, `${field} must be a string`);
  const text = value.trim();
  if (required && text === '') throw invalid(field, `${field} must not be empty`);
  if (text.length > max) throw invalid(field, `${field} is longer than ${max} characters`);
  return text;
}

function readCount(value, field, fallback) {
  if (value === undefined || value === null) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(field, `${field} must be a non-negative integer`);
  }
  return value;
}

// Returns the amount of a money object {amount, currency} in minor units.
// An amount with a fraction is rejected, never rounded.
function readMoney(value, field, currency) {
  requireObject(value, field);
  const { amount } = value;
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw invalid(`${field}.amount`, `${field}.amount must be a non-negative integer of minor units`);
  }
  if (value.currency !== currency) {
    throw invalid(`${field}.currency`, `${field}.currency must be the store currency ${currency}`);
  }
  return amount;
}

// Returns the list of distinct non-empty strings, in their first order.
function readTags(value) {
  if (value === undefined || value === null) return [];
  requireArray(value, 'tags');
  const tags = value.map((tag, i) => readText(tag, `tags[${i}]`, { required: true }));
  return [...new Set(tags)];
}

function readOptionNames(value) {
  if (value === undefined || value === null) return [];
  requireArray(value, 'options');
  if (value.length > MAX_OPTIONS) {
    throw invalid('options', `a product has at most ${MAX_OPTIONS} options`);
  }
  const names = value.map((name, i) => readText(name, `options[${i}]`, { required: true }));
  if (new Set(names).size !== names.length) throw invalid('options', 'option names must be distinct');
  return names;
}

function readVariant(value, field, optionNames, currency) {
  requireObject(value, field);
  const options = value.options === undefined ? [] : requireArray(value.options, `${field}.options`);
  if (options.length !== optionNames.length) {
    throw invalid(`${field}.options`,
      `${field}.options must have one value for each of the ${optionNames.length} product options`);
  }
  return {
    sku: readText(value.sku, `${field}.sku`, { required: true }),
    options: options.map((option, i) => readText(option, `${field}.options[${i}]`, { required: true })),
    priceAmount: readMoney(value.price, `${field}.price`, currency),
    currency,
    stock: readCount(value.stock, `${field}.stock`, 0),
  };
}

function readVariants(value, optionNames, currency) {
  requireArray(value, 'variants');
  if (value.length === 0) throw invalid('variants', 'a product needs at least one variant');
  if (value.length > MAX_VARIANTS) {
    throw invalid('variants', `a product has at most ${MAX_VARIANTS} variants`);
  }
  const variants = value.map((variant, i) => ({
    ...readVariant(variant, `variants[${i}]`, optionNames, currency),
    position: i + 1,
  }));
  const skus = new Set();
  variants.forEach((variant, i) => {
    if (skus.has(variant.sku)) {
      throw invalid(`variants[${i}].sku`, `SKU '${variant.sku}' appears twice in variants`);
    }
    skus.add(variant.sku);
  });
  return variants;
}

function readImages(value) {
  if (value === undefined || value === null) return [];
  requireArray(value, 'images');
  return value.map((image, i) => {
    const field = `images[${i}]`;
    requireObject(image, field);
    const url = readText(image.url, `${field}.url`, { required: true, max: 2048 });
    if (!/^https?:\/\/\S+$/i.test(url)) {
      throw invalid(`${field}.url`, `${field}.url must be an http or https URL`);
    }
    return { url, alt: readText(image.alt, `${field}.alt`), position: i + 1 };
  });
}

// Returns the product fields of a creation body. `handle` is null when the
// body has none, and the caller derives one from the title.
function parseProductInput(body, currency) {
  requireObject(body, 'body');
  const status = readText(body.status, 'status', { fallback: 'draft' });
  if (!PRODUCT_STATUSES.includes(status)) {
    throw invalid('status', `status must be one of ${PRODUCT_STATUSES.join(', ')}`);
  }
  const handle = readText(body.handle, 'handle', { fallback: null });
  if (handle !== null && !HANDLE_PATTERN.test(handle)) {
    throw invalid('handle', 'handle must be lowercase letters and digits separated by single hyphens');
  }
  const options = readOptionNames(body.options);
  return {
    handle,
    title: readText(body.title, 'title', { required: true }),
    description: readText(body.description, 'description', { max: 65536 }),
    status,
    vendor: readText(body.vendor, 'vendor'),
    tags: readTags(body.tags),
    options,
    variants: readVariants(body.variants, options, currency),
    images: readImages(body.images),
  };
}

// Returns the handle made from a title: "Linen Shirt 2" becomes
// "linen-shirt-2". A title without letters or digits gives "product".
function handleFromTitle(title) {
  const handle = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return handle.slice(0, MAX_TEXT).replace(/-+$/, '') || 'product';
}

function readIdempotencyKey(value) {
  if (value === undefined) {
    throw invalid('idempotency_key', 'the Idempotency-Key header is required');
  }
  if (!/^[\x20-\x7e]{1,255}$/.test(value)) {
    throw invalid('idempotency_key', 'Idempotency-Key must be 1 to 255 printable ASCII characters');
  }
  return value;
}

function readAddress(value) {
  requireObject(value, 'shipping_address');
  const field = (name) => `shipping_address.${name}`;
  const address = {
    name: readText(value.name, field('name'), { required: true }),
    line1: readText(value.line1, field('line1'), { required: true }),
    line2: readText(value.line2, field('line2')),
    city: readText(value.city, field('city'), { required: true }),
    region: readText(value.region, field('region')),
    postal_code: readText(value.postal_code, field('postal_code')),
    country: readText(value.country, field('country'), { required: true }),
    phone: readText(value.phone, field('phone')),
  };
  if (!/^[A-Z]{2}$/.test(address.country)) {
    throw invalid(field('country'), 'shipping_address.country must be an ISO 3166-1 alpha-2 code such as US');
  }
  return address;
}

// Returns the normalized checkout request: lines with distinct SKUs and
// positive quantities, the lowercased email and the shipping address.
function parseCheckoutInput(body) {
  requireObject(body, 'body');
  const lines = requireArray(body.lines, 'lines');
  if (lines.length === 0) throw invalid('lines', 'a checkout needs at least one line');
  const seen = new Set();
  const parsedLines = lines.map((line, i) => {
    requireObject(line, `lines[${i}]`);
    const sku = readText(line.sku, `lines[${i}].sku`, { required: true });
    if (seen.has(sku)) throw invalid(`lines[${i}].sku`, `SKU '${sku}' appears in two lines`);
    seen.add(sku);
    const quantity = line.quantity;
    if (!Number.isSafeInteger(quantity) || quantity < 1) {
      throw invalid(`lines[${i}].quantity`, `lines[${i}].quantity must be a positive integer`);
    }
    return { sku, quantity };
  });
  const email = readText(body.email, 'email', { required: true }).toLowerCase();
  if (!EMAIL_PATTERN.test(email)) throw invalid('email', `email '${email}' is not a valid email address`);
  return { lines: parsedLines, email, shippingAddress: readAddress(body.shipping_address) };
}

module.exports = {
  HttpError,
  isPlainObject,
  parseProductInput,
  handleFromTitle,
  readIdempotencyKey,
  parseCheckoutInput,
};
