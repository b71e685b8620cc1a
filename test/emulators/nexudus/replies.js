'use strict';
// Reply descriptors and the error bodies of (N1–). Handlers return (or throw) a reply;
// index.js turns it into an HTTP response with `send`.

const reply = (status, body, extra = {}) => ({ isReply: true, status, body, ...extra });
const ok = (body) => reply(200, body);

// action envelope (create / update / delete / commands).
function actionEnvelope({ message, value = null, updatedOn = null, updatedBy = null }) {
	return {
		Status: 200,
		Message: message,
		Value: value,
		WasSuccessful: true,
		Errors: null,
		OpenInDialog: false,
		OpenInWindow: false,
		RedirectURL: null,
		JavaScript: null,
		UpdatedOn: updatedOn,
		UpdatedBy: updatedBy,
	};
}
const actionOk = (fields) => ok(actionEnvelope(fields));

// validation failure → HTTP 400 carrying `Status: 500`; Message is "<Prop>: <message>".
// With several errors the reference shows no example; the messages are joined with "\n" [uncertain].
function validationFailed(errors) {
	return reply(400, {
		Status: 500,
		Message: errors.map((e) => `${e.PropertyName}: ${e.Message}`).join('\n'),
		Value: null,
		WasSuccessful: false,
		Errors: errors.map((e) => ({ AttemptedValue: e.AttemptedValue === undefined ? null : e.AttemptedValue, Message: e.Message, PropertyName: e.PropertyName })),
	});
}

// business-rule or command failure → HTTP 200 with WasSuccessful:false.
const businessFailure = (message) => reply(200, { Status: 500, Message: message, Value: null, Errors: null, WasSuccessful: false }, { businessFailure: true });

// a bare JSON string.
const notFound = () => reply(404, 'Not found', { notFound: true });

// status documented, body assumed (ASP.NET Web API default) [uncertain].
const unauthorized = () => reply(401, { Message: 'Authorization has been denied for this request.' });

// empty body, reason phrase carries the message, Retry-After in seconds.
const THROTTLE_REASON = 'You must wait before accessing this url again.';
const throttled = (retryAfter) => reply(409, undefined, { empty: true, reason: THROTTLE_REASON, headers: { 'Retry-After': String(retryAfter) } });

// An unhandled exception: ASP.NET Web API's default body.
const serverError = () => reply(500, { Message: 'An error has occurred.' });

// Undocumented framework replies, modelled on ASP.NET Web API defaults [uncertain].
const noResource = (url) => reply(404, { Message: `No HTTP resource was found that matches the request URI '${url}'.` });
const methodNotAllowed = (method, allow) => reply(405, { Message: `The requested resource does not support http method '${method}'.` }, { headers: allow && allow.length ? { Allow: allow.join(', ') } : {} });
const unsupportedMediaType = (type) => reply(415, { Message: `The request entity's media type '${type || 'application/octet-stream'}' is not supported for this resource.` });

// (token endpoint, OWIN style).
const tokenError = (error, description) => reply(400, description ? { error, error_description: description } : { error });

// Node's ServerResponse is not handed to handlers by common.js; the socket's current
// message is it. Used only to set the reason phrase (a generic gap, kept local).
function responseOf(req) {
	const res = req.socket && req.socket._httpMessage;
	return res && res.req === req ? res : undefined;
}

function send(req, ctx, r) {
	const res = responseOf(req);
	if (r.reason && res) res.statusMessage = r.reason;
	const headers = { 'Cache-Control': 'no-cache', ...(r.headers || {}) };
	if (r.empty) return ctx.send(r.status, '', headers);
	return ctx.send(r.status, JSON.stringify(r.body), { 'Content-Type': 'application/json; charset=utf-8', ...headers });
}

module.exports = {
	reply,
	ok,
	actionEnvelope,
	actionOk,
	validationFailed,
	businessFailure,
	notFound,
	unauthorized,
	throttled,
	THROTTLE_REASON,
	serverError,
	noResource,
	methodNotAllowed,
	unsupportedMediaType,
	tokenError,
	send,
};
