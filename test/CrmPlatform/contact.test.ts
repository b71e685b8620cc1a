import type { IDataObject } from 'n8n-workflow';

import { newContact, uniqueEmail, useCrmPlatform } from './setup';

const puts = (calls: Array<{ method: string; path: string; body: unknown }>) => calls.filter((request) => request.method === 'PUT');
const addressesOf = (contact: IDataObject) => (contact.addresses as IDataObject[]).map((address) => ({ id: address.id, city: address.city, address_type: address.address_type }));

describe('CRM Platform contacts', () => {
	const crm = useCrmPlatform();
	/** The node's requests to the plugin (a login may come first when a test runs alone). */
	const apiCalls = () => crm.calls().filter((request) => !request.path.endsWith('/auth/local'));

	it('create (individual, with an address) sends the plugin’s body and returns the populated contact', async () => {
		const email = uniqueEmail('jane');
		const [jane] = await crm.json({
			resource: 'contact',
			operation: 'create',
			name: 'Jane Doe',
			contact_type: 'individual',
			additionalFields: { first_name: 'Jane', last_name: 'Doe', email, addresses: { address: [{ address_line_1: '12 MG Road', city: 'Pune', pincode: '411001', address_type: 'Permanent', country: 1, state: 0, district: 0 }] } },
		});
		const post = apiCalls().find((request) => request.method === 'POST' && request.path.endsWith('/contact'))!;
		expect(post.path).toBe('/strapi/crm-plugin/contact');
		expect(post.body).toMatchObject({ name: 'Jane Doe', contact_type: 'individual', first_name: 'Jane', addresses: [{ address_line_1: '12 MG Road', country: 1 }] });
		expect((post.body as { addresses: object[] }).addresses[0]).not.toHaveProperty('state');
		expect(jane).toMatchObject({ name: 'Jane Doe', email, individual: { first_name: 'Jane' }, addresses: [{ city: 'Pune' }] });
	});

	it('an individual without a First Name is refused before sending; an organization needs none', async () => {
		for (const first_name of [undefined, '  ']) {
			const result = await crm.run({ resource: 'contact', operation: 'create', name: 'No First', contact_type: 'individual', additionalFields: first_name === undefined ? {} : { first_name } });
			expect(result.error?.message).toBe('A CRM Platform individual needs a First Name');
			expect(result.error?.description).toContain('does not make one up from Name');
		}
		expect(apiCalls().filter((request) => request.method === 'POST')).toHaveLength(0);
		const [org] = await crm.json({ resource: 'contact', operation: 'create', name: 'Acme Cooperative', contact_type: 'organization' });
		expect(org).toMatchObject({ contact_type: 'organization', organization: { name: 'Acme Cooperative' } });
	});

	it('update of other fields sends only them and keeps the rest', async () => {
		const own = await newContact(crm.emulator);
		const [updated] = await crm.json({ resource: 'contact', operation: 'update', id: String(own.id), updateFields: { phone: '9876543210' } });
		expect(updated).toMatchObject({ id: own.id, phone: '9876543210', email: own.email });
		expect(apiCalls().map((request) => request.method)).toEqual(['PUT']);
		expect(puts(apiCalls())[0].body).toEqual({ phone: '9876543210' });
	});

	it('update of First / Last Name sends the contact’s type (read first), so the names really change', async () => {
		const own = await newContact(crm.emulator, { first_name: 'Old', last_name: 'Name' });
		const [updated] = await crm.json({ resource: 'contact', operation: 'update', id: String(own.id), updateFields: { first_name: 'New', last_name: 'Surname' } });
		expect(apiCalls().map((request) => request.method)).toEqual(['GET', 'PUT']);
		expect(puts(apiCalls())[0].body).toEqual({ first_name: 'New', last_name: 'Surname', contact_type: 'individual' });
		expect(updated.individual).toMatchObject({ first_name: 'New', last_name: 'Surname' });
		const stored = crm.emulator.state.tables.individual.find((row) => row.contact === own.id)!;
		expect([stored.first_name, stored.last_name]).toEqual(['New', 'Surname']);
	});

	it('renaming an organization renames its organization record too', async () => {
		const own = await newContact(crm.emulator, { name: 'Old Org', contact_type: 'organization', first_name: undefined, last_name: undefined });
		const [updated] = await crm.json({ resource: 'contact', operation: 'update', id: String(own.id), updateFields: { name: 'New Org' } });
		expect(updated).toMatchObject({ name: 'New Org', organization: { name: 'New Org' } });
	});

	it('changing a contact’s type is refused before anything is written', async () => {
		const own = await newContact(crm.emulator);
		const result = await crm.run({ resource: 'contact', operation: 'update', id: String(own.id), updateFields: { contact_type: 'organization', phone: '1' } });
		expect(result.error?.message).toBe(`Contact ${own.id} is individual: CRM Platform cannot change a contact's type`);
		expect(puts(apiCalls())).toHaveLength(0);
	});

	describe('addresses on update', () => {
		const twoAddresses = { addresses: [{ city: 'Pune', address_type: 'Billing' }, { city: 'Agra', address_type: 'Temporary' }] };

		it('a contact with one address: an entry without Address ID changes that address and keeps its type', async () => {
			const own = await newContact(crm.emulator, { addresses: [{ city: 'Pune', address_type: 'Billing' }] });
			const addressId = (own.addresses as IDataObject[])[0].id;
			const [updated] = await crm.json({ resource: 'contact', operation: 'update', id: String(own.id), updateFields: { addresses: { address: [{ id: 0, city: 'Mumbai', address_type: '', country: 0 }] } } });
			expect(puts(apiCalls())[0].body).toEqual({ addresses: [{ id: addressId, city: 'Mumbai' }] });
			expect(addressesOf(updated)).toEqual([{ id: addressId, city: 'Mumbai', address_type: 'Billing' }]);
		});

		it('a contact with several: entries with their Address ID change them; the others stay as they are', async () => {
			const own = await newContact(crm.emulator, twoAddresses);
			const [first, second] = (own.addresses as IDataObject[]).map((address) => Number(address.id));
			const [updated] = await crm.json({ resource: 'contact', operation: 'update', id: String(own.id), updateFields: { addresses: { address: [{ id: second, city: 'Delhi' }] } } });
			expect(addressesOf(updated)).toEqual([
				{ id: first, city: 'Pune', address_type: 'Billing' },
				{ id: second, city: 'Delhi', address_type: 'Temporary' },
			]);
		});

		it('a contact with several: an entry without Address ID, or with another contact’s, is refused before sending', async () => {
			const own = await newContact(crm.emulator, twoAddresses);
			const ids = (own.addresses as IDataObject[]).map((address) => address.id).join(', ');
			const withoutId = await crm.run({ resource: 'contact', operation: 'update', id: String(own.id), updateFields: { addresses: { address: [{ city: 'Delhi' }] } } });
			expect(withoutId.error?.message).toBe(`Contact ${own.id} already has 2 addresses: set the Address ID of each address to change`);
			expect(withoutId.error?.description).toContain(`Its addresses: ${ids}.`);
			const other = await newContact(crm.emulator, { addresses: [{ city: 'Goa' }] });
			const foreignId = Number((other.addresses as IDataObject[])[0].id);
			const foreign = await crm.run({ resource: 'contact', operation: 'update', id: String(own.id), updateFields: { addresses: { address: [{ id: foreignId, city: 'Delhi' }] } } });
			expect(foreign.error?.message).toBe(`Address ${foreignId} is not an address of contact ${own.id}`);
			expect(puts(apiCalls())).toHaveLength(0);
			expect(crm.emulator.state.tables.address.find((address) => address.id === foreignId)?.city).toBe('Goa');
		});

		it('a contact without addresses gets the entries as new addresses', async () => {
			const own = await newContact(crm.emulator);
			const [updated] = await crm.json({ resource: 'contact', operation: 'update', id: String(own.id), updateFields: { addresses: { address: [{ city: 'Goa', address_type: 'Permanent' }] } } });
			expect(addressesOf(updated)).toEqual([{ id: expect.any(Number), city: 'Goa', address_type: 'Permanent' }]);
		});

		it('an Addresses field without entries sends no addresses (an empty list would unlink them all)', async () => {
			const own = await newContact(crm.emulator, { addresses: [{ city: 'Pune' }] });
			const [updated] = await crm.json({ resource: 'contact', operation: 'update', id: String(own.id), updateFields: { phone: '2', addresses: {} } });
			expect(puts(apiCalls())[0].body).toEqual({ phone: '2' });
			expect(addressesOf(updated).map((address) => address.city)).toEqual(['Pune']);
		});
	});

	describe('create or update by email', () => {
		const upsert = (email: string, extra: IDataObject = {}) => ({ resource: 'contact', operation: 'upsert', email, name: 'Uma Upsert', contact_type: 'individual', additionalFields: { first_name: 'Uma', ...extra } });

		it('creates once, then updates the same contact', async () => {
			const email = uniqueEmail('uma');
			const [created] = await crm.json(upsert(email, { phone: '111' }));
			expect(created).toMatchObject({ email, phone: '111', action_type: 'created' });
			const [updated] = await crm.json(upsert(email, { phone: '222' }));
			expect(updated).toMatchObject({ id: created.id, phone: '222', action_type: 'updated' });
			expect(crm.emulator.state.tables.contact.filter((row) => row.email === email)).toHaveLength(1);
		});

		it('matches the email ignoring case, as the server does', async () => {
			const own = await newContact(crm.emulator, { email: uniqueEmail('upsert.r1').toLowerCase() });
			const [updated] = await crm.json(upsert(String(own.email).toUpperCase(), { phone: '333' }));
			expect(updated).toMatchObject({ id: own.id, phone: '333', action_type: 'updated' });
		});

		it('updates the names of the matched contact, and its single address', async () => {
			const own = await newContact(crm.emulator, { first_name: 'Old', addresses: [{ city: 'Pune' }] });
			const [updated] = await crm.json(upsert(String(own.email), { first_name: 'Una', addresses: { address: [{ city: 'Nagpur' }] } }));
			expect(updated).toMatchObject({ id: own.id, individual: { first_name: 'Una' }, addresses: [{ id: (own.addresses as IDataObject[])[0].id, city: 'Nagpur' }] });
		});

		it('several contacts with the email: an error, nothing written', async () => {
			const email = uniqueEmail('twin');
			await newContact(crm.emulator, { email });
			await newContact(crm.emulator, { email: email.toUpperCase() });
			const result = await crm.run(upsert(email));
			expect(result.error?.message).toBe(`2 CRM Platform contacts have the email ${email}`);
			expect(apiCalls().filter((request) => request.method !== 'GET')).toHaveLength(0);
		});

		it('reads every page of matches: the exact one on page 2 of the search is updated, not duplicated', async () => {
			const email = uniqueEmail('paged');
			for (let n = 0; n < 120; n++) await newContact(crm.emulator, { email: `x${n}.${email}` });
			const own = await newContact(crm.emulator, { email });
			const [updated] = await crm.json(upsert(email, { phone: '444' }));
			expect(updated).toMatchObject({ id: own.id, action_type: 'updated' });
			const finds = apiCalls().filter((request) => request.method === 'GET');
			expect(finds.map((request) => request.query._start)).toEqual(['0', '100']);
			expect(finds[0].query).toMatchObject({ email_contains: email, _limit: '100' });
		});
	});
});
