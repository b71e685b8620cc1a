import { uniqueEmail, useNexudus } from './setup';

const createParameters = (Email: string) => ({ resource: 'coworker', operation: 'create', FullName: 'Ada Lovelace', Email, CountryId: 1, SimpleTimeZoneId: 1 });
const upsertParameters = (Email: string, extra: Record<string, unknown> = {}) => ({ ...createParameters(Email), operation: 'upsert', ...extra });

describe('Nexudus coworkers', () => {
	const nexudus = useNexudus({ seedCoworkers: 1000 });
	const coworkerCalls = () => nexudus.calls().filter((request) => request.path.startsWith('/api/spaces/coworkers'));
	const withEmail = (email: string) => nexudus.emulator.state.coworkers.filter((row) => String(row.Email).toLowerCase() === email.toLowerCase());

	it('create sends the fields Nexudus insists on (no welcome email) and returns the full record', async () => {
		const email = uniqueEmail('ada');
		const [ada] = await nexudus.json({ ...createParameters(email), additionalFields: { MobilePhone: '+44 7700 900000', Notes: 'Founder', CityName: 'London', Businesses: '' } });
		const post = nexudus.calls().find((request) => request.method === 'POST')!;
		expect(post.body).toMatchObject({ FullName: 'Ada Lovelace', CoworkerType: 1, Gender: 1, TaxRateType: 1, MondayAttendance: 5, CreateUser: false });
		expect(ada).toMatchObject({ FullName: 'Ada Lovelace', Email: email, MobilePhone: '+44 7700 900000', Notes: 'Founder' });
		expect(nexudus.emulator.counters.welcomeEmails).toBe(0);
	});

	it('business IDs are sent as a list; a name where an ID belongs is refused before anything is sent', async () => {
		const business = Number(nexudus.emulator.state.businesses[0].Id);
		const [created] = await nexudus.json({ ...createParameters(uniqueEmail('listed')), additionalFields: { Businesses: ` ${business} ` } });
		expect(nexudus.calls().find((request) => request.method === 'POST')?.body).toMatchObject({ Businesses: [business] });
		expect((await nexudus.json({ resource: 'coworker', operation: 'get', id: String(created.Id) }))[0].Businesses).toEqual([business]);
		nexudus.emulator.resetLog();
		const named = await nexudus.run({ ...createParameters(uniqueEmail('named')), additionalFields: { Businesses: 'London' } });
		expect(named.error?.message).toBe('"London" is not a Nexudus location ID');
		expect(nexudus.calls()).toHaveLength(0);
	});

	it('a validation failure (400 with Errors[]) lists each property', async () => {
		const result = await nexudus.run(createParameters('not-an-email'));
		expect(result.error?.message).toMatch(/^Nexudus rejected the request: .*Email: /);
	});

	it('update changes only the given field: everything else survives the full-record PUT', async () => {
		const ada = nexudus.addCoworker({ FullName: 'Ada Lovelace', CityName: 'London', MobilePhone: '+44 7700 900000', Notes: 'Founder' });
		const [updated] = await nexudus.json({ resource: 'coworker', operation: 'update', id: String(ada.Id), updateFields: { CityName: 'Cambridge' } });
		expect(updated).toMatchObject({ Id: ada.Id, CityName: 'Cambridge', MobilePhone: '+44 7700 900000', Notes: 'Founder', FullName: 'Ada Lovelace' });
		const put = nexudus.calls().find((request) => request.method === 'PUT')!;
		expect(put.path).toBe('/api/spaces/coworkers');
		expect(put.body).toMatchObject({ Id: ada.Id, CityName: 'Cambridge', Notes: 'Founder' });
		expect(nexudus.emulator.counters.fieldsClearedByPut).toBe(0);
	});

	it('get returns the full record; Nexudus\' 404 "Not found" is a clear not-found error', async () => {
		const ada = nexudus.addCoworker();
		expect((await nexudus.json({ resource: 'coworker', operation: 'get', id: String(ada.Id) }))[0].Email).toBe(ada.Email);
		const missing = await nexudus.run({ resource: 'coworker', operation: 'get', id: '999' });
		expect(missing.error?.message).toBe('The Nexudus record was not found');
		expect(missing.error?.context?.httpCode ?? missing.error?.httpCode).toBe('404');
	});

	it('an ID that is not a positive number is refused before anything is sent', async () => {
		const result = await nexudus.run({ resource: 'coworker', operation: 'get', id: 'ada' });
		expect(result.error?.message).toBe('"ada" is not a valid Nexudus coworker ID');
		expect(nexudus.calls()).toHaveLength(0);
	});

	it('get many: Return All pages over 1,000 coworkers with page/size', async () => {
		const all = await nexudus.json({ resource: 'coworker', operation: 'getAll', returnAll: true });
		expect(all.length).toBe(nexudus.emulator.state.coworkers.length);
		expect(all.length).toBeGreaterThan(1000);
		expect(new Set(all.map((row) => row.Id)).size).toBe(all.length);
		expect(nexudus.calls().map((request) => request.query.page)).toEqual(['1', '2', '3']);
		expect(nexudus.calls().every((request) => request.query.size === '500')).toBe(true);
	});

	it('get many: filters, sort and the updated-since range go into the query', async () => {
		const ada = nexudus.addCoworker();
		const filtered = await nexudus.json({
			resource: 'coworker',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			listOptions: { filters: { condition: [{ property: 'Email', value: String(ada.Email) }] }, orderBy: 'UpdatedOn', direction: 'descending', updatedSince: '2020-01-01T00:00:00Z' },
		});
		expect(nexudus.calls().at(-1)?.query).toMatchObject({ Coworker_Email: ada.Email, orderBy: 'UpdatedOn', dir: '-1', from_Coworker_UpdatedOn: '2020-01-01T00:00', size: '5' });
		expect(filtered.map((row) => row.Id)).toEqual([ada.Id]);
	});

	it('create or update: the email is matched ignoring case, and only the given fields change', async () => {
		const email = uniqueEmail('grace');
		const grace = nexudus.addCoworker({ FullName: 'Grace Hopper', Email: email, MobilePhone: '+1 555 0100' });
		const [updated] = await nexudus.json(upsertParameters(email.toUpperCase(), { FullName: 'Grace Hopper', additionalFields: { Notes: 'Admiral' } }));
		expect(updated).toMatchObject({ Id: grace.Id, Notes: 'Admiral', MobilePhone: '+1 555 0100', action_type: 'updated' });
		expect(withEmail(email)).toHaveLength(1);
	});

	it('create or update: creates the coworker when no email matches', async () => {
		const email = uniqueEmail('new');
		const [created] = await nexudus.json(upsertParameters(email));
		expect(created).toMatchObject({ Email: email, action_type: 'created' });
		expect(withEmail(email)).toHaveLength(1);
	});

	it('create or update: several coworkers with the email is an error, and nothing is written', async () => {
		const email = uniqueEmail('twice');
		nexudus.addCoworker({ Email: email });
		nexudus.addCoworker({ Email: email.toUpperCase() });
		const ambiguous = await nexudus.run(upsertParameters(email));
		expect(ambiguous.error?.message).toBe(`2 Nexudus coworkers have the email ${email}`);
		expect(nexudus.calls().every((request) => request.method === 'GET')).toBe(true);
	});

	describe('create or update when more than 25 coworkers contain the email (Nexudus filters by "contains")', () => {
		// 30 coworkers whose email contains the target: more than one page of Nexudus' default 25.
		const containing = (target: string) => [
			...Array.from({ length: 20 }, (_, n) => `jo${n}${target}`),
			...Array.from({ length: 10 }, (_, n) => `${target}.x${n}`),
		];
		// Pages of 25 put the exact match on page 2; duplicate emails allowed, so a wrong create would show as a second record.
		const onPagesOf25 = async (run: () => Promise<void>) => {
			nexudus.emulator.configure({ maxPageSize: 25, uniqueCoworkerEmail: false });
			try {
				await run();
			} finally {
				nexudus.emulator.configure({ maxPageSize: 1000, uniqueCoworkerEmail: true });
			}
		};

		it('the exact match on page 2 is updated, not duplicated', async () => {
			const target = uniqueEmail('ann');
			for (const email of containing(target)) nexudus.addCoworker({ Email: email });
			const exact = nexudus.addCoworker({ Email: target.toUpperCase(), FullName: 'Ann Before' });
			await onPagesOf25(async () => {
				const [result] = await nexudus.json(upsertParameters(target, { FullName: 'Ann After' }));
				expect(result).toMatchObject({ Id: exact.Id, FullName: 'Ann After', action_type: 'updated' });
			});
			const searches = coworkerCalls().filter((request) => request.method === 'GET' && request.query.Coworker_Email === target);
			expect(searches.map((request) => [request.query.page, request.query.size])).toEqual([
				['1', '1000'],
				['2', '1000'],
			]);
			expect(coworkerCalls().filter((request) => request.method === 'POST')).toHaveLength(0);
			expect(withEmail(target)).toHaveLength(1);
		});

		it('with none exact, the coworker is created once', async () => {
			const target = uniqueEmail('bea');
			for (const email of containing(target)) nexudus.addCoworker({ Email: email });
			await onPagesOf25(async () => {
				const [result] = await nexudus.json(upsertParameters(target));
				expect(result).toMatchObject({ Email: target, action_type: 'created' });
			});
			expect(coworkerCalls().filter((request) => request.method === 'POST')).toHaveLength(1);
			expect(withEmail(target)).toHaveLength(1);
		});
	});

	it('delete refused by Nexudus with HTTP 200 WasSuccessful:false is an error', async () => {
		const ada = nexudus.addCoworker();
		const result = await nexudus.run({ resource: 'coworker', operation: 'delete', id: String(ada.Id) });
		expect(result.error?.message).toBe('Nexudus rejected the request: Customers cannot be deleted using the API. Deactivate the customer instead.');
		expect(nexudus.emulator.state.coworkers.map((row) => row.Id)).toContain(ada.Id);
	});
});
