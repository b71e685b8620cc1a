// The four token credentials the queue tier tests (Fuse, Faveo 2.x, Faveo 1.9, CRM Platform): how to
// start their emulator, the credential data, a node call that needs the token, what a good item
// looks like, and the emulator's control routes (login counters, killing the token, probing one).

import { http } from '../lib/util.mjs';

const FUSE_ADMIN = { loginName: 'api.admin', password: 'Adm1n-Secret-Pass!' };
const FAVEO_ADMIN = { username: 'demoadmin', password: 'demopass' };
const CRM_DEMO = { identifier: 'demo', password: 'demo123' };

const faveoCounters = async (emulator) => {
	const c = await emulator.control('GET', 'faveo/counters');
	return { logins: c.logins, failedLogins: c.failedLogins, refused: c.expiredTokenReplies + c.invalidTokenReplies + c.missingTokenReplies };
};

/** Faveo 1.9 refuses an expired token with HTTP 200 {"error":"token_expired"}: only a 200 without `error` is a live token. */
const faveoProbe = async (emulator, token) => {
	const response = await http('GET', `${emulator.siteUrl}/api/v1/authenticate/user`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
	return response.status === 200 && response.json?.error === undefined;
};

const faveo = (key, label, extraArgs) => ({
	key,
	label,
	credentialType: 'faveoHelpdeskApi',
	tokenField: 'token',
	// Our node paces Faveo to 58 requests a minute per n8n process (nodes/FaveoHelpdesk/transport/policy.ts).
	paced: true,
	emulator: { script: 'test/emulators/faveo.js', args: ['--rate-limit', '0', '--seed-tickets', '3', '--token-ttl-seconds', '3600', ...extraArgs] },
	credentialData: (emulator) => ({ baseUrl: emulator.siteUrl, apiKey: '', placement: 'header', token: '', ...FAVEO_ADMIN }),
	node: { type: 'n8n-nodes-crm-bridge.faveoHelpdesk', parameters: { resource: 'ticket', operation: 'get', ticketId: '1' } },
	itemOk: 'Number(item.json.id) === 1',
	counters: faveoCounters,
	kill: async (emulator) => await emulator.control('POST', 'faveo/expire-tokens', { userId: 1 }),
	probe: faveoProbe,
});

export const FLAVOURS = [
	{
		key: 'fuse',
		label: 'Fuse Universal',
		credentialType: 'fuseUniversalApi',
		tokenField: 'authToken',
		paced: false,
		emulator: { script: 'test/emulators/fuse.js', args: ['--seed-users', '5'] },
		credentialData: (emulator) => ({ baseUrl: emulator.url, apiVersion: 'v5.0', loginFormat: 'json', authToken: '', ...FUSE_ADMIN }),
		node: { type: 'n8n-nodes-crm-bridge.fuseUniversal', parameters: { resource: 'user', operation: 'getMe' } },
		itemOk: "typeof item.json.username === 'string'",
		counters: async (emulator) => {
			const c = await emulator.control('GET', 'fuse/counters');
			return { logins: c.logins, failedLogins: c.failedLogins, refused: c.unauthorized };
		},
		kill: async (emulator) => await emulator.control('POST', 'fuse/expire-tokens', { user: FUSE_ADMIN.loginName }),
		probe: async (emulator, token) => (await http('GET', `${emulator.url}/api/v5.0/users/me`, { headers: { 'Auth-Token': token, Accept: 'application/json' } })).status === 200,
	},
	faveo('faveo', 'Faveo Helpdesk 2.x', []),
	faveo('faveo19', 'Faveo Helpdesk 1.9', ['--version', '1.9']),
	{
		key: 'crm',
		label: 'CRM Platform',
		credentialType: 'crmPlatformApi',
		tokenField: 'jwt',
		paced: false,
		emulator: { script: 'test/emulators/crmplatform.js', args: ['--seed-contacts', '5'] },
		credentialData: (emulator) => ({ baseUrl: emulator.siteUrl, jwt: '', ...CRM_DEMO }),
		node: { type: 'n8n-nodes-crm-bridge.crmPlatform', parameters: { resource: 'user', operation: 'getMe' } },
		itemOk: "typeof item.json.username === 'string'",
		counters: async (emulator) => {
			const c = await emulator.control('GET', 'crmplatform/counters');
			return { logins: c.logins, failedLogins: c.failedLogins, refused: c.unauthorized };
		},
		kill: async (emulator) => await emulator.control('POST', 'crmplatform/expire-tokens', { userId: 1 }),
		probe: async (emulator, token) => (await http('GET', `${emulator.siteUrl}/users/me`, { headers: { Authorization: `Bearer ${token}` } })).status === 200,
	},
];
