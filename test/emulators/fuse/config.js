'use strict';
// Run-time switches. Every [uncertain] row of the reference is a switch here, with the
// harsher behaviour as default. README.md in this folder lists them.

const DEFAULT_PASSWORD_POLICY = Object.freeze({ minLength: 10, requireUppercase: true, requireLowercase: true, requireDigit: true, requireSymbol: true });

const DEFAULT_CONFIG = Object.freeze({
	// the API version served with rotating tokens; other versions below get the legacy login, anything else is 404.
	apiVersion: 'v5.0',
	legacyVersions: ['v3.0', 'v3.1', 'v4.0', 'v4.3', 'v4.4'],
	legacySessionVersions: ['v4.4'], // "the v5 session + Auth-Token method also works on v4.4"

	// token lifetime [uncertain interval]: a token dies when this many seconds passed since its last
	// rotation (not since the login). null = no time-based rotation.
	tokenTtlSeconds: 86400,
	// Rotate a user's token after it was accepted on N API calls (0 = off). Deterministic 401s for tests.
	rotateEveryRequests: 0,
	// default /session returns the user's CURRENT token; true = mint a new one per login and revoke the old.
	singleSession: false,

	// login failure [uncertain]: status (set 200 to test "no token means failure"); message text invented.
	loginFailureStatus: 401,
	loginFailureMessage: 'Invalid login name or password',
	// include the older revision's top-level fields (is_manager, password_change_required, jwt_token, …).
	legacyLoginFields: false,
	// Not in the reference: lock an account after N consecutive failed logins (0 = never).
	lockAfterFailedLogins: 0,

	// non-admin token on /manage/*, /roles, /custom_options [uncertain]: 401 (harsher: looks like
	// an expired token, so n8n re-logs in once and still fails) or 403.
	nonAdminStatus: 401,
	// accounts that must change their password / accept terms log in but are refused later [uncertain].
	restrictedAccountStatus: 403,

	// validation errors on create/update [uncertain]: status and shape ('fields' | 'base').
	validationErrorStatus: 422,
	validationErrorShape: 'fields',
	// create/update/deactivate/restore responses [uncertain].
	createStatus: 201, // harsher than 200 for clients that test `=== 200`
	deactivateResponse: 'empty204', // 'empty204' (harsher: no JSON body) | 'json' (200 {"success":true,"user":…})
	restoreActiveUser: 'error', // restoring an active user: 'error' (harsher, 422) | 'ok'
	deactivateInactiveUser: 'error', // deactivating a deactivated user: 'error' (harsher, 422) | 'ok'
	requireUsernameOnUpdate: true, // v4.4 page: `username` required in the PUT body
	passwordPolicy: DEFAULT_PASSWORD_POLICY,
	singleUserShape: 'keyed', // GET /manage/users/{id}: 'keyed' {"user":{…}} | 'bare' {…} [uncertain]

	// filters [uncertain]: a filter name that is no field ('ignore' = harsher, returns everyone | 'empty').
	unknownFilter: 'ignore',
	listIncludesDeactivated: true, // GET /manage/users lists deactivated users too (with active:false)

	// paging [uncertain]: default and silent cap of per_page; ignorePage=true answers page 1 for every page.
	defaultPerPage: 25,
	maxPerPage: 100,
	ignorePage: false,
	latestNotificationsCount: 5,
	// hyphen vs underscore [uncertain]: 'hyphen' (/learning-plans, newest seen) | 'underscore' | 'both'.
	learningPlanPaths: 'hyphen',

	// unknown route or version [uncertain]: 'html' (Rails production 404 page, harsher) | 'json'.
	notFoundFormat: 'html',

	// [uncertain]: { everyN, status: 429|503, retryAfter: '2'|null, html: false, match: '/manage' } or null.
	rateLimit: null,

	// outgoing webhooks [docs: form params, no signature documented]. `urls` overrides `url` per event.
	webhooks: { enabled: false, url: null, urls: {}, contentType: 'form', timeoutMs: 5000 },
});

const clone = (value) => JSON.parse(JSON.stringify(value));

function createConfig(options = {}) {
	const config = clone(DEFAULT_CONFIG);
	applyConfig(config, options);
	// Flat CLI-friendly aliases: --webhook-url, --webhook-content-type.
	if (options.webhookUrl) Object.assign(config.webhooks, { enabled: true, url: String(options.webhookUrl) });
	if (options.webhookContentType) config.webhooks.contentType = String(options.webhookContentType);
	// --rate-limit-every 5 [--rate-limit-status 503] [--retry-after 2]
	if (options.rateLimitEvery) config.rateLimit = { everyN: Number(options.rateLimitEvery), status: Number(options.rateLimitStatus) || 429, retryAfter: options.retryAfter ?? null };
	return config;
}

// Merges known keys; object-valued keys (passwordPolicy, webhooks) merge one level deep.
function applyConfig(config, patch) {
	if (!patch || typeof patch !== 'object') return config;
	for (const key of Object.keys(DEFAULT_CONFIG)) {
		if (!(key in patch)) continue;
		const value = patch[key];
		const isObject = value && typeof value === 'object' && !Array.isArray(value);
		if (isObject && config[key] && typeof config[key] === 'object' && key !== 'rateLimit') config[key] = { ...config[key], ...clone(value) };
		else config[key] = value === undefined ? value : clone(value);
	}
	return config;
}

module.exports = { DEFAULT_CONFIG, DEFAULT_PASSWORD_POLICY, createConfig, applyConfig };
