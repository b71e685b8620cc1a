import { nexudusPolicy } from '../../nodes/Nexudus/transport/policy';
import { useNexudus } from './setup';

describe('Nexudus teams, bookings, resources, products, invoices, check-ins, webhooks', () => {
	const nexudus = useNexudus({ seedCoworkers: 20, seedBookings: 10, seedCheckins: 10, seedInvoices: 10 });
	const business = () => Number(nexudus.emulator.state.businesses[0].Id);

	it.each([
		['team', { Name: 'Blue Team' }, { Name: 'Green Team' }],
		['resource', { Name: 'Board Room' }, { Description: 'Seats 12' }],
		['product', { Name: 'Coffee Card', Price: 12.5 }, { Price: 15 }],
	])('%s: create, get, get many, update (merged), delete', async (resource, fields, changes) => {
		const [created] = await nexudus.json({ resource, operation: 'create', BusinessId: business(), ...fields });
		expect(created).toMatchObject(fields);
		const id = String(created.Id);
		expect((await nexudus.json({ resource, operation: 'get', id }))[0].Id).toBe(created.Id);
		expect((await nexudus.json({ resource, operation: 'getAll', returnAll: true })).map((row) => row.Id)).toContain(created.Id);
		const [updated] = await nexudus.json({ resource, operation: 'update', id, updateFields: changes });
		expect(updated).toMatchObject({ ...fields, ...changes, Id: created.Id });
		expect(await nexudus.json({ resource, operation: 'delete', id })).toEqual([{ Id: created.Id, deleted: true }]);
	});

	it('booking: create with resource and times (no charges by default), filter by resource, update keeps the times', async () => {
		const resourceId = Number(nexudus.emulator.state.resources[0].Id);
		const [booking] = await nexudus.json({ resource: 'booking', operation: 'create', ResourceId: resourceId, FromTime: '2031-03-01T09:00:00Z', ToTime: '2031-03-01T10:00:00Z' });
		expect(nexudus.calls().find((request) => request.method === 'POST')?.body).toMatchObject({ ChargeNow: false, InvoiceNow: false });
		expect(nexudus.emulator.counters.chargeNow ?? 0).toBe(0);
		const list = await nexudus.json({ resource: 'booking', operation: 'getAll', returnAll: true, listOptions: { filters: { condition: [{ property: 'Resource', value: String(resourceId) }] } } });
		expect(list.map((row) => row.Id)).toContain(booking.Id);
		const [updated] = await nexudus.json({ resource: 'booking', operation: 'update', id: String(booking.Id), updateFields: { Notes: 'Bring slides' } });
		expect(updated).toMatchObject({ Notes: 'Bring slides', ResourceId: resourceId });
		expect(String(updated.FromTime)).toContain('2031-03-01T09:00');
	});

	it.each(['invoice', 'checkin'])('%s: get many and get', async (resource) => {
		const rows = await nexudus.json({ resource, operation: 'getAll', returnAll: true });
		expect(rows.length).toBeGreaterThan(0);
		expect((await nexudus.json({ resource, operation: 'get', id: String(rows[0].Id) }))[0].Id).toBe(rows[0].Id);
	});

	it('webhooks: create, list, delete', async () => {
		const [hook] = await nexudus.json({ resource: 'webhook', operation: 'create', BusinessId: business(), Name: 'n8n', Action: 3, URL: 'https://n8n.example/webhook/x' });
		expect(hook).toMatchObject({ Name: 'n8n', Action: 3, URL: 'https://n8n.example/webhook/x', Active: true });
		expect((await nexudus.json({ resource: 'webhook', operation: 'getAll', returnAll: true })).map((row) => row.Id)).toContain(hook.Id);
		expect(await nexudus.json({ resource: 'webhook', operation: 'delete', id: String(hook.Id) })).toEqual([{ Id: hook.Id, deleted: true }]);
	});

	it('API request under /api, with paging', async () => {
		const rows = await nexudus.json({ resource: 'apiRequest', operation: 'send', method: 'GET', path: '/spaces/coworkers', returnAllPages: true });
		expect(rows.length).toBe(nexudus.emulator.state.coworkers.length);
	});
});

describe('Nexudus credential', () => {
	const nexudus = useNexudus({ seedCoworkers: 5 });

	it.each([
		['wrong password', { password: 'nope-nope-nope' }],
		['no API access', { email: 'noapi@nexudus.test', password: 'Nexudus-NoApi-Pass-2025' }],
	])('401 (%s) explains both causes without the password', async (_case, overrides) => {
		const credentialId = nexudus.addCredential(overrides);
		const result = await nexudus.run({ resource: 'coworker', operation: 'getAll', returnAll: false, limit: 1 }, [{}], { credentialId });
		expect(result.error?.message).toBe('Nexudus refused the credentials or the permission (HTTP 401)');
		expect(result.error?.description).toContain('"API Access"');
		expect(JSON.stringify(result.error)).not.toMatch(/nope-nope|NoApi-Pass/);
	});
});

describe('Nexudus policy', () => {
	it('redacts the credential fields n8n treats as passwords', () => {
		expect(nexudusPolicy.secretFields).toEqual(['password']);
	});
});
