import { useNexudus } from './setup';

describe('Nexudus coworkers', () => {
	const nexudus = useNexudus({ seedCoworkers: 1000 });
	const newCoworker = { resource: 'coworker', operation: 'create', FullName: 'Ada Lovelace', Email: 'ada@example.test', CountryId: 1, SimpleTimeZoneId: 1 };
	let adaId: number;

	it('create sends the fields Nexudus insists on (no welcome email) and returns the full record', async () => {
		const [ada] = await nexudus.json({ ...newCoworker, additionalFields: { MobilePhone: '+44 7700 900000', Notes: 'Founder', CityName: 'London' } });
		const post = nexudus.calls().find((request) => request.method === 'POST')!;
		expect(post.body).toMatchObject({ FullName: 'Ada Lovelace', CoworkerType: 1, Gender: 1, TaxRateType: 1, MondayAttendance: 5, CreateUser: false });
		expect(ada).toMatchObject({ FullName: 'Ada Lovelace', Email: 'ada@example.test', MobilePhone: '+44 7700 900000', Notes: 'Founder' });
		expect(nexudus.emulator.counters.welcomeEmails).toBe(0);
		adaId = Number(ada.Id);
	});

	it('a validation failure (400 with Errors[]) lists each property', async () => {
		const result = await nexudus.run({ ...newCoworker, Email: 'not-an-email' });
		expect(result.error?.message).toMatch(/^Nexudus rejected the request: .*Email: /);
	});

	it('update changes only the given field: everything else survives the full-record PUT', async () => {
		const [updated] = await nexudus.json({ resource: 'coworker', operation: 'update', id: String(adaId), updateFields: { CityName: 'Cambridge' } });
		expect(updated).toMatchObject({ Id: adaId, CityName: 'Cambridge', MobilePhone: '+44 7700 900000', Notes: 'Founder', FullName: 'Ada Lovelace' });
		const put = nexudus.calls().find((request) => request.method === 'PUT')!;
		expect(put.path).toBe('/api/spaces/coworkers');
		expect(put.body).toMatchObject({ Id: adaId, CityName: 'Cambridge', Notes: 'Founder' });
		expect(nexudus.emulator.counters.fieldsClearedByPut ?? 0).toBe(0);
	});

	it('get, and a missing id is a clear not-found error', async () => {
		expect((await nexudus.json({ resource: 'coworker', operation: 'get', id: String(adaId) }))[0].Email).toBe('ada@example.test');
		const missing = await nexudus.run({ resource: 'coworker', operation: 'get', id: '999' });
		expect(missing.error?.message).toBe('The Nexudus record was not found');
	});

	it('get many: Return All pages over 1,000 coworkers with page/size, filters and sort', async () => {
		const all = await nexudus.json({ resource: 'coworker', operation: 'getAll', returnAll: true });
		expect(all.length).toBe(nexudus.emulator.state.coworkers.length);
		expect(new Set(all.map((row) => row.Id)).size).toBe(all.length);
		expect(nexudus.calls().map((request) => request.query.page)).toEqual(['1', '2', '3']);
		expect(nexudus.calls().every((request) => request.query.size === '500')).toBe(true);
		const filtered = await nexudus.json({
			resource: 'coworker',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			listOptions: { filters: { condition: [{ property: 'Email', value: 'ada@example.test' }] }, orderBy: 'UpdatedOn', direction: 'descending', updatedSince: '2020-01-01T00:00:00Z' },
		});
		expect(nexudus.calls().at(-1)?.query).toMatchObject({ Coworker_Email: 'ada@example.test', orderBy: 'UpdatedOn', dir: '-1', from_Coworker_UpdatedOn: '2020-01-01T00:00' });
		expect(filtered.map((row) => row.Id)).toContain(adaId);
	});

	it('create or update by email: updates the match, creates when none, fails on several', async () => {
		const [updated] = await nexudus.json({ ...newCoworker, operation: 'upsert', Email: 'ADA@example.test', additionalFields: { Notes: 'Countess' } });
		expect(updated).toMatchObject({ Id: adaId, Notes: 'Countess', MobilePhone: '+44 7700 900000', action_type: 'updated' });
		const [created] = await nexudus.json({ ...newCoworker, operation: 'upsert', FullName: 'Grace Hopper', Email: 'grace@example.test' });
		expect(created).toMatchObject({ Email: 'grace@example.test', action_type: 'created' });
		nexudus.emulator.configure({ uniqueCoworkerEmail: false });
		try {
			await nexudus.json({ ...newCoworker, FullName: 'Grace Duplicate', Email: 'grace@example.test' });
			nexudus.emulator.resetLog();
			const ambiguous = await nexudus.run({ ...newCoworker, operation: 'upsert', FullName: 'Grace', Email: 'grace@example.test' });
			expect(ambiguous.error?.message).toBe('2 Nexudus coworkers have the email grace@example.test');
			expect(nexudus.calls().every((request) => request.method === 'GET')).toBe(true);
		} finally {
			nexudus.emulator.configure({ uniqueCoworkerEmail: true });
		}
	});

	it('delete refused by Nexudus with HTTP 200 WasSuccessful:false is an error', async () => {
		const result = await nexudus.run({ resource: 'coworker', operation: 'delete', id: String(adaId) });
		expect(result.error?.message).toMatch(/^Nexudus rejected the request: /);
	});
});
