'use strict';
// learning content (read) from older clients' paths [source code]; any authenticated role.
// Lists are objects keyed by the resource name with page/per_page; singles keyed by the singular.

const { ok, reply, notFound, validation } = require('./errors');
const { paginate, isTruthy, isBlank } = require('./params');

const byIdOr404 = (rows, id) => {
	const row = rows.find((x) => String(x.id) === String(id));
	if (!row) throw notFound();
	return row;
};
const newestFirst = (a, b) => String(b.additional_info.created_at).localeCompare(String(a.additional_info.created_at)) || b.id - a.id;

// `all=true` lists everything; without it only the caller's own [uncertain, harsher].
function listCommunities(r) {
	const rows = r.store.state.communities.filter((c) => isTruthy(r.query.all) || c.member_ids.includes(r.user.id));
	return ok({ communities: paginate(rows, r.query, r.config).map(({ member_ids, ...c }) => ({ ...c })) });
}

const listTopics = (r) => ok({ topics: paginate(r.store.state.topics, r.query, r.config).map((t) => ({ ...t })) });
// [uncertain] the single shape; keyed like {"learning_plan":…}.
const getTopic = (r) => ok({ topic: { ...byIdOr404(r.store.state.topics, r.path.id) } });

const listPlans = (r) => ok({ learning_plans: paginate(r.store.state.learningPlans, r.query, r.config).map((p) => ({ ...p })) });
const myPlans = (r) => ok({ learning_plans: paginate(r.store.state.learningPlans.filter((p) => r.user.learning_plan_ids.includes(p.id)), r.query, r.config).map((p) => ({ ...p })) });
const getPlan = (r) => ok({ learning_plan: { ...byIdOr404(r.store.state.learningPlans, r.path.id) } });

function listOccurrences(r) {
	const rows = r.store.state.eventOccurrences.filter((o) => isTruthy(r.query.all) || o.attendee_ids.includes(r.user.id));
	return ok({ event_occurrences: paginate(rows, r.query, r.config).map(({ attendee_ids, ...o }) => ({ ...o, attendees_count: attendee_ids.length })) });
}

// [source code v3.1] `name`, `asset_url`, `description` at the top level (no wrapper key).
const getEvent = (r) => ok({ ...byIdOr404(r.store.state.events, r.path.id) });

const ownNotifications = (r) => r.store.state.notifications.filter((n) => n.user_id === r.user.id).sort(newestFirst);
const strip = ({ user_id, ...n }) => ({ ...n, additional_info: { ...n.additional_info } });
const listNotifications = (r) => ok({ notifications: paginate(ownNotifications(r), r.query, r.config).map(strip) });
const latestNotifications = (r) => ok({ notifications: ownNotifications(r).slice(0, r.config.latestNotificationsCount).map(strip) });

// POST /contents/question, multipart `name`, `description`, `community_ids` [source code v3.1].
function createQuestion(r) {
	const { body, store, config } = r;
	const ids = [].concat(body.community_ids ?? []).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean).map(Number);
	const errors = {};
	if (isBlank(body.name)) errors.name = ["can't be blank"];
	if (!ids.length) errors.community_ids = ["can't be blank"];
	else if (!ids.every((id) => store.state.communities.some((c) => c.id === id))) errors.community_ids = ['is invalid'];
	if (Object.keys(errors).length) return validation(config, errors);
	const content = store.addContent({ name: String(body.name), description: String(body.description ?? ''), community_ids: ids, authorId: r.user.id });
	return reply(config.createStatus, { success: true, content: { ...content } });
}

function registerLearningRoutes(router) {
	router.add('GET', '/communities', listCommunities);
	router.add('GET', '/topics', listTopics);
	router.add('GET', '/topics/{id}', getTopic);
	for (const [prefix, spelling] of [['/learning-plans', 'hyphen'], ['/learning_plans', 'underscore']]) {
		const enabled = (config) => config.learningPlanPaths === 'both' || config.learningPlanPaths === spelling;
		router.add('GET', prefix, listPlans, { enabled });
		router.add('GET', `${prefix}/my`, myPlans, { enabled });
		router.add('GET', `${prefix}/{id}`, getPlan, { enabled });
	}
	router.add('GET', '/event_occurrences', listOccurrences);
	router.add('GET', '/events/{id}', getEvent);
	router.add('GET', '/notifications', listNotifications);
	router.add('GET', '/notifications/latest', latestNotifications);
	router.add('POST', '/contents/question', createQuestion);
}

module.exports = { registerLearningRoutes };
