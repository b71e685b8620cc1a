import { FuseUniversalTrigger } from '../../nodes/FuseUniversal/FuseUniversalTrigger.node';
import { useFuse } from './setup';

describe('Fuse Universal Trigger (webhook receiver)', () => {
	const fuse = useFuse();
	const trigger = (parameters: Record<string, unknown>) =>
		fuse.harness.trigger({ parameters: { event: 'learningPlanCompleted', sharedSecret: '', enrichUser: false, ...parameters } as never, credentials: { fuseUniversalApi: fuse.credentialId } }, new FuseUniversalTrigger());

	it('labels the form-style event and passes its ids through', async () => {
		const { result } = await trigger({}).deliver({ body: { user_id: '11488425', learning_plan_id: '77' } });
		expect(result.workflowData?.[0][0].json).toEqual({ event: 'learningPlanCompleted', user_id: '11488425', learning_plan_id: '77' });
	});

	it('with a shared secret: query or header accepted, anything else gets 401 and no item', async () => {
		const secured = trigger({ sharedSecret: 's3cret-value' });
		expect((await secured.deliver({ body: { user_id: '1' }, query: { secret: 's3cret-value' } })).result.workflowData).toHaveLength(1);
		expect((await secured.deliver({ body: { user_id: '1' }, headers: { 'x-webhook-secret': 's3cret-value' } })).result.workflowData).toHaveLength(1);
		const wrong = await secured.deliver({ body: { user_id: '1' }, query: { secret: 'guess' } });
		expect(wrong.response.statusCode).toBe(401);
		expect(wrong.result.workflowData).toBeUndefined();
	});

	it('adds the user looked up through the credential when asked', async () => {
		const { result } = await trigger({ enrichUser: true, event: 'userCreated' }).deliver({ body: { user_id: '11488425' } });
		expect(result.workflowData?.[0][0].json).toMatchObject({ event: 'userCreated', user: { id: 11488425, username: 'lena.learner' } });
	});
});
