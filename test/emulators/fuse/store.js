'use strict';
// In-memory Fuse instance: users (with their server-side tokens), learning records, roles,
// custom fields. Seeding is deterministic (see seed.js).

const S = require('./seed');

// Columns a user is serialized with, in this order; password, tokens and account flags stay private.
const USER_COLUMNS = ['id', 'username', 'email', 'given_name', 'family_name', 'display_name', 'public_name', 'role', 'active', 'manager_ids', 'accessibility_enabled', 'accessibility_theme', 'default_locale', 'profile', 'created_at', 'updated_at', 'deactivated_at'];
const USER_DEFAULTS = { active: true, manager_ids: [], accessibility_enabled: false, accessibility_theme: 'theme_v1', default_locale: 'en-UK', password_change_required: false, terms_and_conditions_accepted: true, profile: {} };

function createStore({ clock, seed = 1, siteUrl = '' }) {
	const random = S.mulberry32(seed);
	const state = { users: [], communities: [], topics: [], learningPlans: [], events: [], eventOccurrences: [], notifications: [], contents: [], roles: S.ROLES.map((r) => ({ ...r })), customFields: S.CUSTOM_FIELDS.map((f) => ({ ...f })), revokedTokens: {}, webhookDeliveries: [] };
	const counts = { users: 0, communities: 0, topics: 0, learningPlans: 0, eventOccurrences: 0, notifications: 0 };
	const nextIds = { user: 11490000, community: 900, topic: 4100, plan: 7700, event: 5200, occurrence: 52000, notification: 880000, content: 168364 };
	const nextId = (kind, gap = 1) => (nextIds[kind] += gap);
	const isoNow = () => new Date(clock.now()).toISOString();

	// ---- users ------------------------------------------------------------------
	const findUser = (id) => state.users.find((u) => String(u.id) === String(id));
	const lower = (v) => String(v ?? '').toLowerCase();
	// login_name matches username or email, case-insensitive.
	const findByLogin = (name) => state.users.find((u) => lower(u.username) === lower(name)) || state.users.find((u) => lower(u.email) === lower(name));
	// [uncertain] uniqueness compared case-insensitively (harsher), deactivated users included.
	const usernameTaken = (name, exceptId) => state.users.some((u) => u.id !== exceptId && lower(u.username) === lower(name));
	const emailTaken = (email, exceptId) => state.users.some((u) => u.id !== exceptId && lower(u.email) === lower(email));

	function insertUser(fields, at = isoNow()) {
		const user = { ...structuredClone(USER_DEFAULTS), ...structuredClone(fields) };
		user.id = fields.id ?? nextId('user', 1 + Math.floor(random() * 37));
		if (user.id > nextIds.user) nextIds.user = user.id;
		user.display_name = user.display_name || `${user.given_name || ''} ${user.family_name || ''}`.trim() || user.username;
		user.public_name = user.public_name || user.given_name || user.username;
		user.created_at = user.created_at || at;
		user.updated_at = user.updated_at || at;
		user.deactivated_at = user.active ? null : at;
		user.learning_plan_ids = user.learning_plan_ids || [];
		user.auth = { token: null, updatedAt: null, uses: 0, legacyToken: null, failedLogins: 0, locked: false };
		state.users.push(user);
		return user;
	}

	// "security-sensitive fields may not be returned": never password, tokens or internals.
	function serializeUser(user) {
		const out = {};
		for (const column of USER_COLUMNS) out[column] = structuredClone(user[column] ?? null);
		return out;
	}

	// ---- learning content ------------------------------------------------------------
	const assetUrl = (kind, id) => `${siteUrl}/assets/${kind}/${id}.jpg`;

	function seedData({ users = 0, communities = 0, topics = 0, learningPlans = 0, eventOccurrences = 0, notifications = 0, fixedUsers = false } = {}) {
		if (fixedUsers) for (const [i, u] of S.FIXED_USERS.entries()) if (!findUser(u.id)) insertUser(u, S.seedTime(i));
		const taken = new Set(state.users.map((u) => u.username));
		for (let i = 0; i < users; i++) insertUser(S.generatedUser(random, counts.users + i, taken), S.seedTime(10 + counts.users + i));
		for (let i = 0; i < communities; i++) {
			const n = counts.communities + i;
			const id = nextId('community', 1 + (n % 3));
			const memberIds = state.users.filter((u, k) => (k + n) % 3 === 0 || u.role === 'admin').map((u) => u.id);
			state.communities.push({ id, name: S.nth(S.COMMUNITY_NAMES, n), description: `A community for ${S.nth(S.COMMUNITY_NAMES, n).toLowerCase()}.`, image_url: assetUrl('communities', id), url: `${siteUrl}/communities/${id}`, privacy: n % 4 === 3 ? 'private' : 'open', members_count: memberIds.length, member_ids: memberIds, created_at: S.seedTime(100 + n) });
		}
		for (let i = 0; i < topics; i++) {
			const n = counts.topics + i;
			const id = nextId('topic');
			state.topics.push({ id, name: S.nth(S.TOPIC_NAMES, n), image_url: assetUrl('topics', id), description: `Everything about ${S.nth(S.TOPIC_NAMES, n).toLowerCase()}.`, created_at: S.seedTime(200 + n) });
		}
		for (let i = 0; i < learningPlans; i++) {
			const n = counts.learningPlans + i;
			const id = nextId('plan', 2);
			state.learningPlans.push({ id, title: S.nth(S.PLAN_TITLES, n), description: `Complete all items of ${S.nth(S.PLAN_TITLES, n)}.`, thumbnail_url: assetUrl('learning_plans', id), items_count: 3 + (n % 5), due_in_days: n % 2 ? 30 : null, created_at: S.seedTime(300 + n) });
			state.users.forEach((u, k) => (k + n) % 2 === 0 && u.learning_plan_ids.push(id));
		}
		for (let i = 0; i < eventOccurrences; i++) {
			const n = counts.eventOccurrences + i;
			let event = state.events[n % S.EVENT_NAMES.length];
			if (!event) {
				const id = nextId('event');
				event = { id, name: S.EVENT_NAMES[n % S.EVENT_NAMES.length], asset_url: assetUrl('events', id), description: `${S.EVENT_NAMES[n % S.EVENT_NAMES.length]} for all staff.` };
				state.events.push(event);
			}
			const startsAt = Date.UTC(2025, 0, 13 + n * 3, 9 + (n % 5), 0, 0);
			const attendeeIds = state.users.filter((u, k) => (k + n) % 4 === 0).map((u) => u.id);
			state.eventOccurrences.push({ id: nextId('occurrence', 5), event_id: event.id, name: event.name, starts_at: new Date(startsAt).toISOString(), ends_at: new Date(startsAt + 90 * 60_000).toISOString(), location: n % 2 ? 'Online' : 'London HQ, Room 4.01', capacity: 20 + n, attendee_ids: attendeeIds });
		}
		const recipients = state.users.filter((u) => u.active && !u.password_change_required).slice(0, 2);
		for (let i = 0; i < notifications && recipients.length; i++) {
			const n = counts.notifications + i;
			const template = S.NOTIFICATION_TEMPLATES[n % S.NOTIFICATION_TEMPLATES.length];
			const subject = [S.nth(S.PLAN_TITLES, n), S.nth(S.EVENT_NAMES, n), S.FIRST_NAMES[n % S.FIRST_NAMES.length], S.nth(S.PLAN_TITLES, n + 1), S.nth(S.COMMUNITY_NAMES, n)][n % 5];
			state.notifications.push({ id: nextId('notification', 3), user_id: recipients[n % recipients.length].id, message: template.replace('%s', subject), read: n % 3 === 0, additional_info: { created_at: S.seedTime(400 + n) } });
		}
		Object.assign(counts, { users: counts.users + users, communities: counts.communities + communities, topics: counts.topics + topics, learningPlans: counts.learningPlans + learningPlans, eventOccurrences: counts.eventOccurrences + eventOccurrences, notifications: counts.notifications + notifications });
	}

	function addContent({ name, description, community_ids: communityIds, authorId }) {
		const id = nextId('content', 7);
		const content = { id, type: 'question', name, description, community_ids: communityIds, author_id: authorId, url: `${siteUrl}/communities/${communityIds[0]}/contents/${id}`, created_at: isoNow() };
		state.contents.push(content);
		return content;
	}

	// Control-route view: passwords hidden, everything else as stored.
	const publicState = () => ({ ...state, users: state.users.map((u) => ({ ...u, password: '[redacted]' })) });

	return { state, clock, isoNow, seedData, findUser, findByLogin, usernameTaken, emailTaken, insertUser, serializeUser, addContent, publicState };
}

module.exports = { createStore };
