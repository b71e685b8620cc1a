'use strict';
// Deterministic seed data: fixed accounts (default credentials) plus generated records.
// The same options always produce the same records (PRNG seeded by `seed`).

const FIRST_NAMES = ['Amelia', 'Bilal', 'Chloe', 'Daniel', 'Elif', 'Finn', 'Grace', 'Harpreet', 'Isla', 'Jakub', 'Keira', 'Liam', 'Mei', 'Nikhil', 'Olivia', 'Pedro', 'Rhiannon', 'Samuel', 'Tamsin', 'Umar', 'Vera', 'William', 'Yusuf', 'Zara'];
const LAST_NAMES = ['Ahmed', 'Bennett', 'Clarke', 'Dobrev', 'Evans', 'Fitzgerald', 'Gallagher', 'Hughes', 'Iqbal', 'Jones', 'Kowalski', 'Lewis', 'Murphy', 'Nowak', 'O\'Brien', 'Patel', 'Quinn', 'Roberts', 'Singh', 'Thompson', 'Walsh', 'Young'];
const DEPARTMENTS = ['Sales', 'Marketing', 'Engineering', 'Human Resources', 'Finance', 'Operations', 'Customer Success'];
const REGIONS = ['EMEA', 'APAC', 'Americas'];
const JOB_TITLES = ['Account Executive', 'Store Manager', 'Software Engineer', 'HR Business Partner', 'Financial Analyst', 'Operations Lead', 'Customer Success Manager', 'Pharmacist', 'Area Manager'];
const LOCALES = ['en-UK', 'en-US', 'fr-FR', 'de-DE', 'es-ES'];
const COMMUNITY_NAMES = ['Sales Academy', 'Engineering Guild', 'New Starters', 'Leadership Circle', 'Customer Success', 'Compliance Hub', 'Product Knowledge', 'Wellbeing Space'];
const TOPIC_NAMES = ['Negotiation', 'Onboarding', 'Data Privacy', 'Coaching', 'Product Basics', 'Health & Safety', 'Time Management', 'Presentation Skills', 'Inclusive Leadership'];
const PLAN_TITLES = ['New Starter Essentials', 'Manager Foundations', 'GDPR Refresher 2025', 'Sales Playbook', 'Security Awareness', 'Customer Empathy', 'Leading Remote Teams'];
const EVENT_NAMES = ['Quarterly Town Hall', 'Coaching Clinic', 'Product Launch Briefing', 'First Aid Training', 'Wellbeing Workshop'];
const NOTIFICATION_TEMPLATES = ['You have been added to the learning plan "%s"', 'A new event was scheduled: %s', '%s commented on your post', 'Your learning plan "%s" is due in 7 days', 'New content in %s'];

const ROLES = [
	{ id: 1, name: 'admin', description: 'Full administrative access' },
	{ id: 2, name: 'learner', description: 'Standard learner' },
	{ id: 3, name: 'manager', description: 'Line manager with team reporting' },
	{ id: 4, name: 'content_creator', description: 'Can create community content' },
];

// Custom profile fields, addressed by display label, case-sensitive.
const CUSTOM_FIELDS = [
	{ id: 301, label: 'First Name', type: 'text' },
	{ id: 302, label: 'Department', type: 'dropdown', options: DEPARTMENTS },
	{ id: 303, label: 'Region', type: 'dropdown', options: REGIONS },
	{ id: 304, label: 'Job Title', type: 'text' },
	{ id: 305, label: 'Employee ID', type: 'text' },
	{ id: 306, label: 'Start Date', type: 'date' },
];

// Default credentials. Ids 11486988 / 11488425 are the ids of the wiki's filter example.
const FIXED_USERS = [
	{ id: 11486988, username: 'api.admin', email: 'api.admin@acme-learning.test', password: 'Adm1n-Secret-Pass!', given_name: 'Ada', family_name: 'Admin', role: 'admin', profile: { 'First Name': 'Ada', Department: 'Human Resources', Region: 'EMEA', 'Job Title': 'HRIS Integration', 'Employee ID': 'E-0001' } },
	{ id: 11488425, username: 'lena.learner', email: 'lena.learner@acme-learning.test', password: 'Learn3r-Secret-Pass!', given_name: 'Lena', family_name: 'Learner', role: 'learner', profile: { 'First Name': 'Lena', Department: 'Sales', Region: 'EMEA', 'Job Title': 'Account Executive', 'Employee ID': 'E-0002' } },
	{ id: 11488430, username: 'old.account', email: 'old.account@acme-learning.test', password: 'Old-Acc0unt-Pass!', given_name: 'Oliver', family_name: 'Oldham', role: 'learner', active: false, profile: { 'First Name': 'Oliver', Department: 'Finance', Region: 'APAC' } },
	{ id: 11488431, username: 'pat.pending', email: 'pat.pending@acme-learning.test', password: 'Pend1ng-Reset-Pass!', given_name: 'Pat', family_name: 'Pending', role: 'learner', password_change_required: true, terms_and_conditions_accepted: false, profile: { 'First Name': 'Pat', Department: 'Operations', Region: 'Americas' } },
];

function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const SEED_BASE_MS = Date.UTC(2024, 9, 1, 9, 0, 0); // 2024-10-01 09:00 UTC
const seedTime = (hours) => new Date(SEED_BASE_MS + hours * 3600_000).toISOString();
const nth = (list, i) => (i < list.length ? list[i] : `${list[i % list.length]} ${Math.floor(i / list.length) + 1}`);

function generatedUser(random, index, taken) {
	const pick = (list) => list[Math.floor(random() * list.length)];
	const given = pick(FIRST_NAMES);
	const family = pick(LAST_NAMES);
	const base = `${given}.${family}`.toLowerCase().replace(/[^a-z.]/g, '');
	let username = base;
	for (let n = 2; taken.has(username); n++) username = `${base}${n}`;
	taken.add(username);
	return {
		username,
		email: `${username}@acme-learning.test`,
		password: `Seed-Pass-${String(index + 1).padStart(3, '0')}!`,
		given_name: given,
		family_name: family,
		role: random() < 0.15 ? 'manager' : 'learner',
		default_locale: pick(LOCALES),
		profile: { 'First Name': given, Department: pick(DEPARTMENTS), Region: pick(REGIONS), 'Job Title': pick(JOB_TITLES), 'Employee ID': `E-${String(1000 + index).padStart(4, '0')}`, 'Start Date': `20${String(15 + (index % 10)).padStart(2, '0')}-0${1 + (index % 9)}-15` },
	};
}

module.exports = { FIRST_NAMES, LAST_NAMES, ROLES, CUSTOM_FIELDS, FIXED_USERS, COMMUNITY_NAMES, TOPIC_NAMES, PLAN_TITLES, EVENT_NAMES, NOTIFICATION_TEMPLATES, mulberry32, seedTime, nth, generatedUser };
