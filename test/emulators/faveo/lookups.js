'use strict';
// Lookups for loadOptions; `dependency` is the only source of statuses and sources.

const { ok } = require('./laravel');

const without = (row, ...keys) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));

function dependency(r) {
	const { state } = r.store;
	return ok({
		result: {
			departments: state.departments.map((d) => ({ name: d.name, id: d.id })),
			sla: state.slaPlans.map((s) => ({ name: s.name, id: s.id, sla_duration: s.grace_period })),
			staffs: state.users.filter((u) => r.store.isStaff(u)).map((u) => ({ email: u.email, id: u.id })),
			teams: state.teams.map((t) => ({ name: t.name, id: t.id })),
			priorities: state.priorities.map((p) => ({ priority: p.priority, priority_id: p.priority_id })),
			helptopics: state.helpTopics.map((h) => ({ topic: h.topic, id: h.id })),
			status: state.statuses.map((s) => ({ name: s.name, id: s.id })),
			sources: state.sources.map((s) => ({ name: s.name, id: s.id })),
			tickets_count: state.statuses.map((s) => ({ name: s.name, count: state.tickets.filter((t) => t.status === s.id).length })),
		},
	});
}

function registerLookupRoutes(router, v1) {
	router.add('GET', `${v1}/helpdesk/help-topic`, (r) => ok({ result: r.store.state.helpTopics.map((h) => ({ ...h })) }));
	router.add('GET', `${v1}/helpdesk/sla-plan`, (r) => ok({ result: r.store.state.slaPlans.map((s) => without(s, 'hours')) }));
	router.add('GET', `${v1}/helpdesk/priority`, (r) => ok({ result: r.store.state.priorities.map((p) => ({ name: p.priority, id: p.priority_id })) }));
	router.add('GET', `${v1}/helpdesk/department`, (r) => ok({ result: r.store.state.departments.map((d) => ({ ...d })) }));
	router.add('GET', `${v1}/helpdesk/dependency`, dependency);
}

module.exports = { registerLookupRoutes };
