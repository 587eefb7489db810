'use strict';

// Password hashes (scrypt from node:crypto) and HS256 access tokens
// (jsonwebtoken).

const crypto = require('node:crypto');
const { promisify } = require('node:util');
const jwt = require('jsonwebtoken');

const scrypt = promisify(crypto.scrypt);

// Node's scrypt defaults (N = 16384, r = 8, p = 1) and a 64-byte key.
const SCRYPT_PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_BYTES = 64;
const ACCESS_TOKEN_SECONDS = 900;

// Hashes `password` with a random salt and returns "scrypt$N$r$p$salt$key",
// with the salt and key in base64.
async function hashPassword(password) {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, KEY_BYTES, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

// Returns whether `password` matches a hash made by hashPassword. A hash
// in another format never matches.
async function verifyPassword(password, stored) {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  const key = await scrypt(password, salt, expected.length, { N, r, p });
  return crypto.timingSafeEqual(key, expected);
}

function signAccessToken(userId, secret) {
  return jwt.sign({}, secret, {
    algorithm: 'HS256',
    subject: String(userId),
    expiresIn: ACCESS_TOKEN_SECONDS,
  });
}

// Returns the user id of a valid token, or throws jsonwebtoken's error
// for a malformed, expired or wrongly signed one.
function verifyAccessToken(token, secret) {
  const claims = jwt.verify(token, secret, { algorithms: ['HS256'] });
  const userId = Number(claims.sub);
  if (!Number.isSafeInteger(userId)) {
    throw new jwt.JsonWebTokenError('the token subject is not a user id');
  }
  return userId;
}

module.exports = {
  ACCESS_TOKEN_SECONDS,
  hashPassword,
  verifyPassword,
  signAccessToken,
  verifyAccessToken,
};
