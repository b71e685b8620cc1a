'use strict';
// Ticket lists: the v1 views (fixed 10 per page) and the filtered v2 list.

const { ok, reply, notFound, fieldErrors, validate, readPage, paginate } = require('./laravel');

const PER_PAGE = 10;
const newestFirst = (a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id;
const isOpen = (t) => t.status === 1;

// The v1 views: filter → rows, all paginated 10 per page with absolute, token-free URLs.
const VIEWS = {
	tickets: { filter: () => true, raw: true },
	inbox: { filter: isOpen },
	open: { filter: (t) => isOpen(t) && !t.isanswered && t.assigned_to === null },
	unassigned: { filter: (t, user) => isOpen(t) && t.assigned_to === null && (user.role !== 'agent' || t.dept_id === user.primary_dpt) },
	closed: { filter: (t) => t.status === 2 || t.status === 3 },
	trash: { filter: (t) => t.status === 5 },
};

function view(name) {
	const { filter, raw } = VIEWS[name];
	return (r) => {
		const rows = r.store.state.tickets.filter((t) => filter(t, r.user)).sort(newestFirst);
		const page = paginate(rows, readPage(r.params), PER_PAGE, r.pagePath(), r.config.version);
		page.data = page.data.map((t) => (raw ? r.store.ticketRaw(t) : r.store.ticketListRow(t)));
		return ok(page);
	};
}

function myTicketsAgent(r) {
	const { store, params } = r;
	const errors = validate(params, { user_id: ['required', ['exists', (v) => store.isStaff(store.findUser(v))]] }, r.config.version);
	if (errors) return fieldErrors(errors);
	const rows = store.state.tickets.filter((t) => isOpen(t) && t.assigned_to === Number(params.user_id)).sort(newestFirst);
	const page = paginate(rows, readPage(params), PER_PAGE, r.pagePath(), r.config.version);
	page.data = page.data.map((t) => store.ticketListRow(t));
	return ok(page);
}

// Not paginated: { tickets: [...], requester: {...} }.
function myTicketsUser(r) {
	const { store, params } = r;
	const errors = validate(params, { user_id: ['required', ['exists', (v) => Boolean(store.findUser(v))]] }, r.config.version);
	if (errors) return fieldErrors(errors);
	const requester = store.findUser(params.user_id);
	const tickets = store.state.tickets.filter((t) => t.user_id === requester.id).sort(newestFirst);
	return ok({ tickets: tickets.map((t) => ({ ticket_number: t.ticket_number, id: t.id, title: store.titleOf(t), ticket_status_name: (store.findStatus(t.status) || {}).name ?? null })), requester: store.userRow(requester) });
}

// ---- /api/v2/helpdesk/tickets ------------------------------------------------------------

const SHOW = {
	inbox: (t) => isOpen(t),
	mytickets: (t, r) => isOpen(t) && t.assigned_to === r.user.id,
	trash: (t) => t.status === 5,
	followup: (t) => t.flags === 1,
	overdue: (t, r) => isOpen(t) && t.duedate !== null && t.duedate < r.store.timestamp(),
	approval: () => false, // no "approval" status in a fresh install
	closed: (t) => t.status === 2 || t.status === 3,
};
const SORT = { id: (t) => t.id, ticket_title: (t, s) => s.titleOf(t), updated_at: (t) => t.updated_at, created_at: (t) => t.created_at, due: (t) => t.duedate || '', ticket_number: (t) => t.ticket_number, priority: (t) => t.priority_id };
const listOf = (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : typeof v === 'object' ? Object.values(v) : String(v).split(','));
const inRange = (value, range) => {
	const [from, to] = String(range).split('~');
	return !value || ((!from || value.slice(0, 10) >= from) && (!to || value.slice(0, 10) <= to));
};

// The controller's catch block calls dd($e) → an HTML dump with status 500.
const ddDump = (message) =>
	reply(500, `<script> Sfdump = window.Sfdump || (function (doc) { return function () {}; })(document)</script><pre class=sf-dump id=sf-dump-1 data-indent-pad="  "><span class=sf-dump-note>InvalidArgumentException</span> {<samp>\n  #<span class=sf-dump-protected title="Protected property">message</span>: "<span class=sf-dump-str>${message}</span>"\n</samp>}\n</pre><script>Sfdump("sf-dump-1")</script>\n`, { type: 'html' });

function v2Tickets(r) {
	const { store, params, config } = r;
	if (config.version === '1.9') return notFound(); // the v2 controller is not in v1.9.6 (choice)
	const bad = (message) => reply(400, { success: false, message });
	for (const key of ['api', 'show', 'departments']) if (params[key] === undefined || params[key] === '') return bad(`The ${key} field is required.`);
	if (!SHOW[params.show]) return bad('The selected show is invalid.');
	// `records_per_page` must be below 500: 500 and above are refused (harsher than clamping).
	const perPage = params.records_per_page === undefined ? 10 : Number(params.records_per_page);
	if (!Number.isInteger(perPage) || perPage < 1 || perPage >= 500) return bad('The records per page must be between 1 and 499.');
	const sortBy = params['sort-by'] ?? 'updated_at';
	if (!SORT[sortBy]) return bad('The selected sort-by is invalid.');
	const order = String(params.order ?? 'desc').toLowerCase();
	if (order !== 'asc' && order !== 'desc') return ddDump('Order direction must be &quot;asc&quot; or &quot;desc&quot;.');
	const assignedTo = listOf(params['assigned-to']);
	if (assignedTo.some((v) => !/^[at]-\d+$/.test(String(v)))) return ddDump('Undefined array key 1');

	const departments = listOf(params.departments);
	const deptIds = departments.includes('All') ? null : departments.map((name) => (store.state.departments.find((d) => d.name === name) || {}).id);
	const filters = [
		(t) => SHOW[params.show](t, r),
		(t) => !deptIds || deptIds.includes(t.dept_id),
		...['status', 'priority', 'sla', 'source'].map((key) => {
			const ids = listOf(params[key]).map(Number);
			const column = { status: 'status', priority: 'priority_id', sla: 'sla', source: 'source' }[key];
			return (t) => !ids.length || ids.includes(t[column]);
		}),
		(t) => !['types', 'tags', 'labels'].some((key) => listOf(params[key]).length), // tickets carry none
		(t) => params.assigned === undefined || (String(params.assigned) === '1') === (t.assigned_to !== null),
		(t) => !assignedTo.length || assignedTo.some((v) => (v[0] === 'a' ? t.assigned_to === Number(v.slice(2)) : t.team_id === Number(v.slice(2)))),
		(t) => !listOf(params['created-by']).length || listOf(params['created-by']).map(Number).includes(t.user_id),
		(t) => !listOf(params['ticket-number']).length || listOf(params['ticket-number']).includes(t.ticket_number),
		(t) => params.created === undefined || inRange(t.created_at, params.created),
		(t) => params.updated === undefined || inRange(t.updated_at, params.updated),
		(t) => params['due-on'] === undefined || inRange(t.duedate, params['due-on']),
	];
	const key = SORT[sortBy];
	const sign = order === 'asc' ? 1 : -1;
	const rows = store.state.tickets.filter((t) => filters.every((f) => f(t))).sort((a, b) => {
		const [x, y] = [key(a, store), key(b, store)];
		return sign * (x < y ? -1 : x > y ? 1 : 0) || sign * (a.id - b.id);
	});
	// Observed on v2.0.3: the same list with `&api_key=x` in the query answers total 0.
	const listed = 'api_key' in r.input.query ? [] : rows;
	const page = paginate(listed, readPage(params), perPage, r.pagePath(), config.version);
	page.data = page.data.map((t) => v2Row(store, t));
	return ok({ success: true, data: page });
}

// Row shape of the v2 list: not documented (the emulator's own choice).
function v2Row(store, t) {
	const person = (u) => (u ? { id: u.id, user_name: u.user_name, first_name: u.first_name, last_name: u.last_name, email: u.email, profile_pic: u.profile_pic } : null);
	const priority = store.findPriority(t.priority_id) || {};
	return {
		id: t.id, ticket_number: t.ticket_number, title: store.titleOf(t), created_at: t.created_at, updated_at: t.updated_at, duedate: t.duedate, isoverdue: t.isoverdue, isanswered: t.isanswered,
		status: { id: t.status, name: (store.findStatus(t.status) || {}).name ?? null }, priority: { id: t.priority_id, name: priority.priority ?? null, priority_color: priority.priority_color ?? null },
		department: { id: t.dept_id, name: (store.findDepartment(t.dept_id) || {}).name ?? null }, from: person(store.findUser(t.user_id)), assigned: person(store.findUser(t.assigned_to)),
	};
}

function registerListRoutes(router, v1) {
	for (const name of Object.keys(VIEWS)) router.add('GET', `${v1}/helpdesk/${name}`, view(name));
	router.add('GET', `${v1}/helpdesk/my-tickets-agent`, myTicketsAgent);
	router.add('GET', `${v1}/helpdesk/my-tickets-user`, myTicketsUser);
	router.add('GET', '/api/v2/helpdesk/tickets', v2Tickets, { throttle: false, apiKey: false }); // not throttled
}

module.exports = { registerListRoutes };
