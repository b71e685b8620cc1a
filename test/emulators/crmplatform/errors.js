'use strict';
// Strapi "Boom" error bodies and the replies the Koa layer produces.

const STATUS_TEXT = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 413: 'Payload Too Large', 429: 'Too Many Requests', 500: 'Internal Server Error' };

// Thrown by handlers and policies; `body` is what the client receives (JSON, or plain text when `kind` is 'text').
class HttpError extends Error {
	constructor(status, body, kind = 'json') {
		super(typeof body === 'string' ? body : typeof body.message === 'string' ? body.message : STATUS_TEXT[status]);
		this.status = status;
		this.body = body;
		this.kind = kind;
	}
}

// Plain Boom payload: { statusCode, error, message }.
const boom = (status, message = STATUS_TEXT[status]) => ({ statusCode: status, error: STATUS_TEXT[status], message });

// ctx.badRequest(null, data): Strapi copies `data` into `message` and keeps `data`. Strapi 3.0.x may
// omit the copy [uncertain]: `config.boomDataCopy = false` drops `data`.
function badRequestBody(data, config = {}) {
	const body = boom(400, data);
	if (config.boomDataCopy !== false) body.data = data;
	return body;
}

const badRequest = (data, config) => new HttpError(400, badRequestBody(data, config));
const unauthorized = (message) => new HttpError(401, boom(401, message));
const forbidden = () => new HttpError(403, boom(403));
// as a real Strapi 3.6 answers them: an empty body (no row, no route) becomes Koa's own
// 404, `text/plain` "Not Found" (observed: GET of an unknown contact, country or activity).
const notFound = () => new HttpError(404, 'Not Found', 'text');
const internal = () => new HttpError(500, boom(500, 'An internal server error occurred'));

// users-permissions formatError(): the nested `messages[]` form of a login refusal.
const formatError = (id, message) => [{ messages: [{ id, message }] }];
const authError = (id, message, config) => badRequest(formatError(id, message), config);

// What a controller sees when the database (or JS) throws: the plugin answers 400 with error.message.
class ControllerError extends Error {}

// a controller dereferences a null row; the wording depends on the Node version. The default is the
// Node 14 wording a real server answered with ("Cannot read property 'contacttags' of null");
// `nodeErrorStyle: 'modern'` gives the Node ≥ 16 one.
function nullPropertyError(property, config = {}) {
	return new ControllerError(config.nodeErrorStyle === 'modern' ? `Cannot read properties of null (reading '${property}')` : `Cannot read property '${property}' of null`);
}

// Database error texts, knex style: "<sql> - <driver message>". `mysql` is MariaDB/MySQL (the
// database of the real server observed; its texts start with the driver code, e.g. ER_BAD_FIELD_ERROR).
const quote = (flavour, name) => (flavour === 'postgres' ? `"${name}"` : `\`${name}\``);

function dbError(flavour, { table, sql, pg, sqlite, mysql }) {
	const base = sql || `select distinct ${quote(flavour, table)}.* from ${quote(flavour, table)}`;
	return new ControllerError(`${base} - ${{ postgres: pg, sqlite, mysql }[flavour]}`);
}

const dbErrors = {
	unknownColumn: (flavour, table, column, clause = 'where clause') =>
		dbError(flavour, { table, pg: `column ${table}.${column} does not exist`, sqlite: `SQLITE_ERROR: no such column: ${table}.${column}`, mysql: `ER_BAD_FIELD_ERROR: Unknown column '${table}.${column}' in '${clause}'` }),
	missingTable: (flavour, table, name) =>
		dbError(flavour, { table, pg: `missing FROM-clause entry for table "${name}"`, sqlite: `SQLITE_ERROR: no such column: ${name}`, mysql: `ER_BAD_FIELD_ERROR: Unknown column '${name}' in 'order clause'` }),
	invalidInput: (flavour, table, type, value) =>
		dbError(flavour, { table, pg: `invalid input syntax for type ${type}: "${value}"`, sqlite: `SQLITE_MISMATCH: datatype mismatch`, mysql: `ER_TRUNCATED_WRONG_VALUE: Truncated incorrect ${type} value: '${value}'` }),
	outOfRange: (flavour, table, value) =>
		dbError(flavour, { table, pg: `value "${value}" is out of range for type integer`, sqlite: 'SQLITE_MISMATCH: datatype mismatch', mysql: `ER_WARN_DATA_OUT_OF_RANGE: Out of range value '${value}'` }),
	noLower: (flavour, table, type) => dbError(flavour, { table, pg: `function lower(${type}) does not exist`, sqlite: 'SQLITE_ERROR: no such function', mysql: 'ER_SP_DOES_NOT_EXIST' }),
	negativeLimit: (flavour, table) => dbError(flavour, { table, pg: 'LIMIT must not be negative', sqlite: 'SQLITE_ERROR', mysql: 'ER_PARSE_ERROR' }),
	unique: (flavour, table, columns, column, isUpdate, value) => {
		const q = (c) => quote(flavour, c);
		const p = (i) => (flavour === 'postgres' ? `$${i + 1}` : '?');
		const sql = isUpdate
			? `update ${q(table)} set ${columns.map((c, i) => `${q(c)} = ${p(i)}`).join(', ')} where ${q('id')} = ${p(columns.length)}`
			: `insert into ${q(table)} (${columns.map(q).join(', ')}) values (${columns.map((_, i) => p(i)).join(', ')})${flavour === 'postgres' ? ' returning "id"' : ''}`;
		return dbError(flavour, {
			table,
			sql,
			pg: `duplicate key value violates unique constraint "${table}_${column}_unique"`,
			sqlite: `SQLITE_CONSTRAINT: UNIQUE constraint failed: ${table}.${column}`,
			mysql: `ER_DUP_ENTRY: Duplicate entry '${value}' for key '${table}_${column}_unique'`,
		});
	},
	// A NOT NULL column without a default left out of an insert (observed on MariaDB for individuals.first_name).
	noDefault: (flavour, table, columns, column) =>
		dbError(flavour, {
			table,
			sql: `insert into ${quote(flavour, table)} (${columns.map((c) => quote(flavour, c)).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
			pg: `null value in column "${column}" violates not-null constraint`,
			sqlite: `SQLITE_CONSTRAINT: NOT NULL constraint failed: ${table}.${column}`,
			mysql: `ER_NO_DEFAULT_FOR_FIELD: Field '${column}' doesn't have a default value`,
		}),
	// The same column given an explicit null.
	nullValue: (flavour, table, column) =>
		dbError(flavour, { table, pg: `null value in column "${column}" violates not-null constraint`, sqlite: `SQLITE_CONSTRAINT: NOT NULL constraint failed: ${table}.${column}`, mysql: `ER_BAD_NULL_ERROR: Column '${column}' cannot be null` }),
	// knex refuses a where clause with an undefined value before it reaches the database (observed:
	// a contact update whose `addresses[]` entries carry no `id`).
	undefinedBinding: (flavour, table) =>
		new ControllerError(`Undefined binding(s) detected when compiling SELECT. Undefined column(s): [id] query: select ${quote(flavour, table)}.* from ${quote(flavour, table)} where ${quote(flavour, 'id')} = ? limit ?`),
};

module.exports = { STATUS_TEXT, HttpError, ControllerError, boom, badRequestBody, badRequest, unauthorized, forbidden, notFound, internal, formatError, authError, nullPropertyError, dbErrors };
