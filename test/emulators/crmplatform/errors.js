'use strict';
// Strapi "Boom" error bodies (§2.1, §2.3, §5) and the replies the Koa layer produces.

const STATUS_TEXT = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 413: 'Payload Too Large', 429: 'Too Many Requests', 500: 'Internal Server Error' };

// Thrown by handlers and policies; `reply` is what the client receives.
class HttpError extends Error {
	constructor(status, body) {
		super(typeof body.message === 'string' ? body.message : STATUS_TEXT[status]);
		this.status = status;
		this.body = body;
	}
}

// Plain Boom payload: { statusCode, error, message }.
const boom = (status, message = STATUS_TEXT[status]) => ({ statusCode: status, error: STATUS_TEXT[status], message });

// ctx.badRequest(null, data): Strapi copies `data` into `message` and keeps `data` (§5 C6). Strapi 3.0.x may
// omit the copy [uncertain]: `config.boomDataCopy = false` drops `data`.
function badRequestBody(data, config = {}) {
	const body = boom(400, data);
	if (config.boomDataCopy !== false) body.data = data;
	return body;
}

const badRequest = (data, config) => new HttpError(400, badRequestBody(data, config));
const unauthorized = (message) => new HttpError(401, boom(401, message)); // §2.3, C2
const forbidden = () => new HttpError(403, boom(403)); // §2.3, C3
const notFound = () => new HttpError(404, boom(404)); // C7, C9
const internal = () => new HttpError(500, boom(500, 'An internal server error occurred')); // C10

// users-permissions formatError(): the nested `messages[]` form of §2.1.
const formatError = (id, message) => [{ messages: [{ id, message }] }];
const authError = (id, message, config) => badRequest(formatError(id, message), config);

// What a controller sees when the database (or JS) throws: the plugin answers 400 with error.message (C6).
class ControllerError extends Error {}

// C8: the tag controller dereferences a null row; the wording depends on the Node version.
// The checklist (§9) uses the Node ≥ 16 wording; `nodeErrorStyle: 'legacy'` gives the Node ≤ 14 one.
function nullPropertyError(property, config = {}) {
	return new ControllerError(config.nodeErrorStyle === 'legacy' ? `Cannot read property '${property}' of null` : `Cannot read properties of null (reading '${property}')`);
}

// Database error texts, knex style: "<sql> - <driver message>" [uncertain: §3.2 says "the database's error text"].
const quote = (flavour, name) => (flavour === 'sqlite' ? `\`${name}\`` : `"${name}"`);

function dbError(flavour, { table, sql, pg, sqlite }) {
	const base = sql || `select distinct ${quote(flavour, table)}.* from ${quote(flavour, table)}`;
	return new ControllerError(`${base} - ${flavour === 'sqlite' ? sqlite : pg}`);
}

const dbErrors = {
	unknownColumn: (flavour, table, column) =>
		dbError(flavour, { table, pg: `column ${table}.${column} does not exist`, sqlite: `SQLITE_ERROR: no such column: ${table}.${column}` }),
	missingTable: (flavour, table, name) =>
		dbError(flavour, { table, pg: `missing FROM-clause entry for table "${name}"`, sqlite: `SQLITE_ERROR: no such column: ${name}` }),
	invalidInput: (flavour, table, type, value) =>
		dbError(flavour, { table, pg: `invalid input syntax for type ${type}: "${value}"`, sqlite: `SQLITE_MISMATCH: datatype mismatch` }),
	outOfRange: (flavour, table, value) => dbError(flavour, { table, pg: `value "${value}" is out of range for type integer`, sqlite: 'SQLITE_MISMATCH: datatype mismatch' }),
	noLower: (flavour, table, type) => dbError(flavour, { table, pg: `function lower(${type}) does not exist`, sqlite: 'SQLITE_ERROR: no such function' }),
	negativeLimit: (flavour, table) => dbError(flavour, { table, pg: 'LIMIT must not be negative', sqlite: 'SQLITE_ERROR' }),
	unique: (flavour, table, columns, column, isUpdate) => {
		const q = (c) => quote(flavour, c);
		const p = (i) => (flavour === 'sqlite' ? '?' : `$${i + 1}`);
		const sql = isUpdate
			? `update ${q(table)} set ${columns.map((c, i) => `${q(c)} = ${p(i)}`).join(', ')} where ${q('id')} = ${p(columns.length)}`
			: `insert into ${q(table)} (${columns.map(q).join(', ')}) values (${columns.map((_, i) => p(i)).join(', ')})${flavour === 'sqlite' ? '' : ' returning "id"'}`;
		return dbError(flavour, { table, sql, pg: `duplicate key value violates unique constraint "${table}_${column}_unique"`, sqlite: `SQLITE_CONSTRAINT: UNIQUE constraint failed: ${table}.${column}` });
	},
};

module.exports = { STATUS_TEXT, HttpError, ControllerError, boom, badRequestBody, badRequest, unauthorized, forbidden, notFound, internal, formatError, authError, nullPropertyError, dbErrors };
