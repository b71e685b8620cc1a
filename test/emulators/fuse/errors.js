'use strict';
// Replies and error envelopes. Fuse answers errors in the Rails style
// `{"success":false,"errors":{"base":"…"}}`. A handler returns or throws a reply.

const crypto = require('node:crypto');

const reply = (status, body, headers = {}) => ({ isReply: true, status, body, headers });
const ok = (body) => reply(200, body);
const created = (body) => reply(201, body);
const noContent = () => ({ isReply: true, status: 204, empty: true, headers: {} });

const envelope = (base) => ({ success: false, errors: { base } });
const failure = (status, base, headers) => reply(status, envelope(base), headers);

// [docs]: the exact body for an invalid, expired or rotated token.
const UNAUTHORIZED_BODY = Object.freeze({ success: false, errors: { base: 'Unauthorized 401' } });
const unauthorized = () => reply(401, { ...UNAUTHORIZED_BODY, errors: { ...UNAUTHORIZED_BODY.errors } });

// "Duplicate username/email, weak password, missing field" [uncertain shape]:
// 'fields' → {"errors":{"username":["has already been taken"]}} (harsher: the client must join arrays);
// 'base'   → {"errors":{"base":"Username has already been taken"}}.
function validation(config, fieldErrors) {
	const status = config.validationErrorStatus;
	if (config.validationErrorShape === 'base') {
		const text = Object.entries(fieldErrors)
			.flatMap(([field, messages]) => messages.map((m) => (field === 'base' ? m : `${humanise(field)} ${m}`)))
			.join(', ');
		return failure(status, text);
	}
	return reply(status, { success: false, errors: fieldErrors });
}

const humanise = (field) => {
	const text = String(field).replace(/_/g, ' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
};

// [uncertain] record not found on a known route: JSON envelope (Rails APIs usually rescue RecordNotFound).
const notFound = () => failure(404, 'Not Found');

// [uncertain] unknown route / unknown API version: Rails' production 404 page, HTML (harsher than JSON).
const RAILS_404_HTML = `<!DOCTYPE html>
<html>
<head>
  <title>The page you were looking for doesn't exist (404)</title>
  <meta name="viewport" content="width=device-width,initial-scale=1">
</head>
<body>
  <div class="dialog">
    <div>
      <h1>The page you were looking for doesn't exist.</h1>
      <p>You may have mistyped the address or the page may have moved.</p>
    </div>
  </div>
</body>
</html>
`;

const RAILS_400_HTML = `<!DOCTYPE html>
<html>
<head><title>Bad Request (400)</title></head>
<body><div class="dialog"><h1>Bad Request</h1><p>The request could not be understood by the server.</p></div></body>
</html>
`;

const html = (status, text, headers = {}) => ({ isReply: true, status, html: text, headers });

function routeNotFound(config) {
	if (config.notFoundFormat === 'json') return failure(404, 'Not Found');
	return html(404, RAILS_404_HTML);
}

// Rails raises ActionDispatch::Http::Parameters::ParseError on malformed JSON: 400, HTML page in production [uncertain].
const malformedJson = () => html(400, RAILS_400_HTML);

const requestId = () => crypto.randomUUID();

module.exports = { reply, ok, created, noContent, html, failure, envelope, unauthorized, UNAUTHORIZED_BODY, validation, notFound, routeNotFound, malformedJson, requestId };
