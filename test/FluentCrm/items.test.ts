import { byId, useFluentCrm } from './setup';

describe('FluentCRM item handling', () => {
	const fluent = useFluentCrm({ seedContacts: 5 });
	const parameters = { resource: 'contact', operation: 'get', contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' } };

	it('reads parameters per item and pairs every output with its input', async () => {
		const result = await fluent.run(parameters, [{ id: 3 }, { id: 1 }, { id: 2 }]);
		expect(result.items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[3, { item: 0 }],
			[1, { item: 1 }],
			[2, { item: 2 }],
		]);
	});

	it('continueOnFail: nothing is lost, errors stay paired with their item', async () => {
		const result = await fluent.run(parameters, [{ id: 1 }, { id: 9999 }, { id: 'abc' }, { id: 2 }], { continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json.id).toBe(1);
		expect(result.items[1].json).toEqual({ error: 'FluentCRM: Subscriber not found', message: expect.stringContaining('Check the ID or email.') });
		expect(result.items[1].json.message).toContain('(HTTP 422)');
		expect(result.items[2].json.error).toBe('"abc" is not a valid contact ID');
		expect(result.items[3].json.id).toBe(2);
	});

	it('without continueOnFail the first bad item stops the run and is named', async () => {
		const result = await fluent.run(parameters, [{ id: 1 }, { id: 9999 }, { id: 2 }]);
		expect(result.error?.message).toBe('FluentCRM: Subscriber not found');
		expect(result.error?.context?.itemIndex).toBe(1);
		expect(fluent.calls()).toHaveLength(2);
	});

	it('retries a host rate limit (429 with Retry-After) and still returns every item', async () => {
		fluent.emulator.config.rateLimit = { everyN: 2, status: 429, retryAfter: '0' };
		try {
			const result = await fluent.run({ resource: 'contact', operation: 'get', contact: byId(1) }, [{}, {}, {}]);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(3);
			expect(fluent.calls().filter((request) => (request as { status?: number }).status === 429).length).toBeGreaterThan(0);
		} finally {
			fluent.emulator.config.rateLimit = null;
		}
	});
});
