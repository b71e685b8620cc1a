// The token life-cycle of a login-then-token credential (Fuse, Faveo, CRM Platform) in real n8n:
// n8n's own preAuthentication, its 401 → re-login → resend, and the token it saves in its database.
//
// A provider passes its credentials (good, cold, wrong), the webhook paths of three "counted"
// workflows (webhook → N items → node, see countedWorkflow), and how to read its emulator:
//   counters(emulator) → { logins, failed, unauthorized }   (login attempts, failed ones, token refusals)
//   expire(emulator)   → revokes the good account's tokens now (control route)
//   probe(emulator, token) → HTTP status of an authenticated call made with that token directly
//   itemOk(item) → the node's output for one item is the expected record

import assert from 'node:assert/strict';

import { REDACTED_EMPTY, REDACTED_SET } from './n8n.mjs';

const itemsOf = (response, what) => {
	assert.equal(response.status, 200, `${what}: webhook answered HTTP ${response.status}: ${response.text.slice(0, 300)}`);
	assert.ok(Array.isArray(response.json), `${what}: expected an array of items, got ${response.text.slice(0, 300)}`);
	return response.json;
};

const delta = (before, after) => Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - before[key]]));

async function measure(t, emulatorName, counters, run) {
	const emulator = t.emulators[emulatorName];
	const before = await counters(emulator);
	const result = await run();
	const after = await counters(emulator);
	return { result, d: delta(before, after) };
}

async function storedToken(n8n, credential, field) {
	const value = (await n8n.storedCredential(credential.id))[field];
	if (value === REDACTED_SET) return 'set';
	if (value === REDACTED_EMPTY || value === '' || value === undefined) return 'empty';
	return `unexpected ${JSON.stringify(value).slice(0, 40)}`;
}

function assertItems(items, count, itemOk, what) {
	assert.equal(items.length, count, `${what}: expected ${count} items, got ${items.length}: ${JSON.stringify(items).slice(0, 300)}`);
	const bad = items.filter((item) => item.error !== undefined || !itemOk(item));
	if (bad.length) assert.fail(`${what}: ${bad.length} failed or unexpected item(s), first: ${JSON.stringify(bad[0]).slice(0, 300)}`);
}

/** The latest finished execution of a workflow, decoded. */
async function latestExecution(n8n, workflowId, atLeast) {
	const list = await n8n.waitForExecutions(workflowId, atLeast, { timeoutMs: 15_000 });
	return await n8n.execution(list[list.length - 1].id);
}

export function tokenLifecycleChecks(o) {
	const { provider, emulator, tokenField, good, cold, wrong, paths, counters, expire, itemOk, loginError } = o;
	const unauthorizedOnExpiry = o.unauthorizedOnExpiry ?? 1;
	let wrongRuns = 0;
	return [
		{
			name: `${provider} token: the first run logs in once and n8n stores the token`,
			async run(t) {
				assert.equal(await storedToken(t.n8n, good, tokenField), 'empty', 'the credential already holds a token before its first use');
				const { result, d } = await measure(t, emulator, counters, () => t.n8n.webhook(paths.me, { count: 3 }));
				assertItems(itemsOf(result, 'first run'), 3, itemOk, 'first run');
				assert.equal(d.logins, 1, `${d.logins} logins for the first run of 3 items`);
				assert.equal(d.failed, 0, `${d.failed} failed logins`);
				const stored = await storedToken(t.n8n, good, tokenField);
				assert.equal(stored, 'set', `after the run the stored ${tokenField} is ${stored}`);
				return `1 login for 3 items; GET /rest/credentials/${good.id}?includeData=true now shows ${tokenField} as n8n's "set" placeholder (it was empty before)`;
			},
		},
		{
			name: `${provider} token: a second run reuses the stored token (no login)`,
			async run(t) {
				const { result, d } = await measure(t, emulator, counters, () => t.n8n.webhook(paths.me, { count: 2 }));
				assertItems(itemsOf(result, 'second run'), 2, itemOk, 'second run');
				assert.equal(d.logins, 0, `${d.logins} login(s) on the second run`);
				assert.equal(d.unauthorized, 0, `${d.unauthorized} refused token(s) on the second run`);
				return 'no login, no refused token';
			},
		},
		{
			name: `${provider} token: after a forced expiry exactly one re-login and no failed item`,
			async run(t) {
				await expire(t.emulators[emulator]);
				const { result, d } = await measure(t, emulator, counters, () => t.n8n.webhook(paths.me, { count: 5 }));
				assertItems(itemsOf(result, 'after expiry'), 5, itemOk, 'after expiry');
				assert.equal(d.logins, 1, `${d.logins} logins after the expiry`);
				assert.equal(d.unauthorized, unauthorizedOnExpiry, `${d.unauthorized} refused-token answers, expected ${unauthorizedOnExpiry}`);
				return `tokens expired through the emulator's control route; 5 items: ${d.unauthorized} refused token, ${d.logins} re-login, 5 good items`;
			},
		},
		{
			name: `${provider} token: 50 items on a cold token cost one login`,
			async run(t) {
				assert.equal(await storedToken(t.n8n, cold, tokenField), 'empty', 'the cold credential already holds a token');
				const { result, d } = await measure(t, emulator, counters, () => t.n8n.webhook(paths.cold, { count: 50 }));
				assertItems(itemsOf(result, 'cold 50'), 50, itemOk, 'cold 50');
				assert.equal(d.logins, 1, `${d.logins} logins for 50 items`);
				assert.equal(await storedToken(t.n8n, cold, tokenField), 'set', 'the cold credential holds no token afterwards');
				return `50 items, 1 login, ${d.unauthorized} refused token(s)`;
			},
		},
		{
			name: `${provider} token: a wrong password fails the run with a clear error after at most 2 login attempts`,
			async run(t) {
				const { result, d } = await measure(t, emulator, counters, () => t.n8n.webhook(paths.wrong, { count: 3 }));
				wrongRuns += 1;
				// Without "continue on fail" the node stops at the first item: the webhook answers 500 and the
				// execution (what the user opens in the editor) carries the error.
				assert.equal(result.status, 500, `webhook answered ${result.status}: ${result.text.slice(0, 200)}`);
				const execution = await latestExecution(t.n8n, o.wrongWorkflowId, wrongRuns);
				assert.equal(execution.status, 'error', `execution status ${execution.status}`);
				const error = execution.data?.resultData?.error ?? {};
				const shown = `${error.message ?? ''} ${error.description ?? ''}`;
				assert.match(shown, loginError, `the error does not say the login failed: ${shown}`);
				for (const secret of o.secrets ?? []) assert.ok(!JSON.stringify(execution.data).includes(secret), 'the password appears in the execution data');
				assert.ok(d.failed >= 1 && d.failed <= 2, `${d.failed} failed login attempts`);
				assert.equal(d.logins, 0, `${d.logins} successful logins`);
				assert.equal(await storedToken(t.n8n, wrong, tokenField), 'empty', 'a token was stored for the wrong password');
				return `${d.failed} login attempt(s) for 3 items; execution ${execution.id} failed with "${error.message}"${error.description ? ` — ${error.description}` : ''}`;
			},
		},
		{
			name: `${provider} token: the stored tokens, decrypted after n8n stopped (export:credentials --decrypted)`,
			afterStop: true,
			async run(t) {
				const exported = t.exported;
				const tokenOf = (credential) => exported[credential.id]?.data?.[tokenField];
				const goodToken = tokenOf(good);
				assert.ok(typeof goodToken === 'string' && goodToken.length > 10, `good credential: ${tokenField} = ${JSON.stringify(goodToken)}`);
				const status = await o.probe(t.emulators[emulator], goodToken);
				assert.equal(status, 200, `the stored token of the good credential is refused by the emulator (HTTP ${status}): the re-login's token was not saved`);
				const coldToken = tokenOf(cold);
				assert.ok(typeof coldToken === 'string' && coldToken.length > 10, `cold credential: ${tokenField} = ${JSON.stringify(coldToken)}`);
				assert.equal(tokenOf(wrong) ?? '', '', `wrong-password credential: a ${tokenField} was stored`);
				for (const credential of [good, cold, wrong]) {
					assert.ok(!('expiredToken' in (exported[credential.id]?.data ?? {})), `${credential.name}: the internal expiredToken field was saved`);
				}
				return `good: a ${goodToken.length}-character token the emulator accepts (the one from the re-login); cold: set; wrong password: empty`;
			},
		},
	];
}
