import { describe } from "vitest";
import { weakCrypto } from "../../../../src/checks/security/patterns/weak-crypto.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { describeCorpus } from "./fixture-corpus.js";

describe("weak-crypto", () => {
  ruleTester.run("weak-crypto", weakCrypto.rule, {
    valid: [
      // crypto-js with its default mode (CBC) and a random IV; a GCM tag of checked or fixed length.
      { code: "const box = CryptoJS.AES.encrypt(text, key, { iv: CryptoJS.lib.WordArray.random(16) });" },
      {
        code: "function open(blob, key) {\n  const d = crypto.createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));\n  d.setAuthTag(blob.subarray(12, 28));\n  return Buffer.concat([d.update(blob.subarray(28)), d.final()]);\n}",
      },
      {
        code: "app.post('/inbox', (req, res) => {\n  const d = crypto.createDecipheriv('aes-128-gcm', key, req.body.iv, { authTagLength: 16 });\n  d.setAuthTag(req.body.tag);\n  res.send(Buffer.concat([d.update(req.body.data), d.final()]));\n});",
      },
      {
        code: "app.post('/inbox', (req, res) => {\n  const tag = Buffer.from(req.body.tag, 'hex');\n  if (tag.length !== 16) return res.sendStatus(400);\n  const d = crypto.createDecipheriv('aes-128-gcm', key, req.body.iv);\n  d.setAuthTag(tag);\n  res.send(Buffer.concat([d.update(req.body.data), d.final()]));\n});",
      },
      { code: "const hash = await bcrypt.hash(password, 12);" },
      { code: "const etag = crypto.createHash('md5').update(body).digest('hex');" },
      { code: "crypto.createCipheriv('aes-256-gcm', key, iv);" },
      { code: "crypto.pbkdf2Sync(password, salt, 310000, 32, 'sha256');" },
      // a fresh IV per message, kept with the ciphertext
      { code: "const iv = crypto.randomBytes(12);\nconst cipher = crypto.createCipheriv('aes-256-gcm', key, iv);" },
      {
        code: "function encrypt(text, key) {\n  const nonce = randomBytes(16);\n  return createCipheriv('aes-256-cbc', key, nonce).update(text);\n}",
      },
      // decrypting with the IV read back from the message is not a static IV
      { code: "const decipher = crypto.createDecipheriv('aes-256-cbc', key, Buffer.from(parts[0], 'hex'));" },
      // an AEAD decipher whose tag is set and checked by final()
      {
        code: "function decrypt(data, key) {\n  const decipher = crypto.createDecipheriv('aes-256-gcm', key, data.iv);\n  decipher.setAuthTag(data.tag);\n  return Buffer.concat([decipher.update(data.body), decipher.final()]);\n}",
      },
      {
        code: "const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });\nd.setAuthTag(tag);\nconst out = d.update(body, undefined, 'utf8') + d.final('utf8');",
      },
      // PostgreSQL's MD5 authentication prescribes md5(md5(password + user) + salt): a challenge answer, stored nowhere.
      {
        code: "async function postgresMd5PasswordHash(user, password, salt) {\n  const inner = await md5(password + user);\n  return 'md5' + (await md5(inner + salt));\n}",
      },
      {
        code: "function digestAuthResponse(user, realm, password, nonce) {\n  const ha1 = crypto.createHash('md5').update(`${user}:${realm}:${password}`).digest('hex');\n  return ha1 + nonce;\n}",
      },
      // A session token made of fresh randomness, hashed once to be stored: the right tool, in a login function too.
      {
        code: "async function login(user) {\n  const hash = crypto.createHash('sha256').update(randomBytes(32).toString('hex')).digest('hex');\n  return sessions.create({ user, hash });\n}",
      },
      {
        code: "async function resetPassword(user) {\n  const tokenHash = createHash('sha256').update(crypto.randomUUID()).digest('hex');\n  await tokens.save({ user, tokenHash });\n}",
      },
      // CBC has no tag to check
      {
        code: "function decrypt(body, key, iv) {\n  return crypto.createDecipheriv('aes-256-cbc', key, iv).update(body);\n}",
      },
    ],
    invalid: [
      {
        code: "const box = CryptoJS.AES.encrypt(text, key, { mode: CryptoJS.mode.ECB });",
        errors: [{ messageId: "cryptoJsWeak", data: { algorithm: "ECB mode" } }],
      },
      { code: "const box = CryptoJS.TripleDES.encrypt(text, key);", errors: [{ messageId: "cryptoJsWeak" }] },
      {
        code: "app.post('/inbox', (req, res) => {\n  const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(req.body.iv, 'hex'));\n  d.setAuthTag(Buffer.from(req.body.tag, 'hex'));\n  res.send(Buffer.concat([d.update(Buffer.from(req.body.data, 'hex')), d.final()]));\n});",
        errors: [{ messageId: "gcmTagLength", line: 2 }],
      },
      {
        code: "const passwordHash = crypto.createHash('md5').update(password).digest('hex');",
        errors: [{ messageId: "fastPasswordHash" }],
      },
      { code: "crypto.createCipher('aes192', key);", errors: [{ messageId: "createCipher" }] },
      // In a login function, a hash of something that is not fresh randomness is taken for the stored password.
      {
        code: "async function login(user, secretWord) {\n  const hash = crypto.createHash('sha256').update(secretWord).digest('hex');\n  return users.check(user, hash);\n}",
        errors: [{ messageId: "fastPasswordHash" }],
      },
      // Storing a password: a protocol's name elsewhere in the file changes nothing.
      {
        code: "// Users log in with PostgreSQL-style md5\nfunction saveUser(password) {\n  return db.insert({ hash: md5(password) });\n}",
        errors: [{ messageId: "fastPasswordHash" }],
      },
      // Only the broken hashes those protocols prescribe (md4, md5, sha1) are exempt: a fast sha256 of a password is reported.
      {
        code: "function pgHashPassword(password) {\n  return crypto.createHash('sha256').update(password).digest('hex');\n}",
        errors: [{ messageId: "fastPasswordHash" }],
      },
      { code: "crypto.createCipheriv('rc4', key, '');", errors: [{ messageId: "weakCipher" }] },
      { code: "const ROUNDS = 4; bcrypt.hash(password, ROUNDS);", errors: [{ messageId: "lowBcryptCost" }] },
      { code: "crypto.pbkdf2(password, salt, 5000, 64, 'sha512', cb);", errors: [{ messageId: "lowIterations" }] },
      { code: "crypto.createCipheriv('aes-256-cbc', key, '1234567890123456');", errors: [{ messageId: "staticIv" }] },
      {
        code: "const IV = Buffer.alloc(16, 0);\nconst cipher = crypto.createCipheriv('aes-256-cbc', key, IV);",
        errors: [{ messageId: "staticIv", line: 2 }],
      },
      {
        code: "const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(process.env.ENCRYPTION_IV, 'hex'));",
        errors: [{ message: /randomBytes\(12\).*configuration.*authentication tags/ }],
      },
      {
        code: "const NONCE = new Uint8Array(12);\ncreateCipheriv('chacha20-poly1305', key, NONCE, { authTagLength: 16 });",
        errors: [{ messageId: "staticIv" }],
      },
      {
        code: "const iv = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);\ncrypto.createCipheriv('aes-128-gcm', key, iv);",
        errors: [{ messageId: "staticIv" }],
      },
      // no setAuthTag: the tag is never checked
      {
        code: "function decrypt(body, key, iv) {\n  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);\n  return decipher.update(body, 'hex', 'utf8') + decipher.final('utf8');\n}",
        errors: [{ messageId: "uncheckedTag", line: 2 }],
      },
      // setAuthTag without final(): update() hands back data before the tag is compared
      {
        code: "function decrypt(body, key, iv, tag) {\n  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);\n  decipher.setAuthTag(tag);\n  return decipher.update(body, 'hex', 'utf8');\n}",
        errors: [{ messageId: "uncheckedTag" }],
      },
    ],
  });

  describeCorpus("weak-crypto");
});
