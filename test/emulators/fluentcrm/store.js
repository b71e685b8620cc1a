'use strict';
// In-memory FluentCRM database: tables, clock, row serialisers (numbers as strings where
// FluentCRM sends strings) and seeding.

const crypto = require('node:crypto');
const { sanitizeTitle } = require('./wp');

const STATUSES = ['subscribed', 'pending', 'unsubscribed', 'transactional', 'bounced', 'complained', 'spammed'];
const CONTACT_TYPES = ['lead', 'customer'];
const NOTE_TYPES = ['note', 'call', 'email', 'meeting', 'quote_sent', 'quote_accepted', 'quote_refused', 'invoice_sent', 'invoice_part_paid', 'invoice_paid', 'invoice_refunded', 'transaction', 'feedback', 'tweet', 'facebook_post'];
const TAG_CLASS = 'FluentCrm\\App\\Models\\Tag';
const LIST_CLASS = 'FluentCrm\\App\\Models\\Lists';

// Column order of a contact row exactly as GET /subscribers/{id} returns it.
const CONTACT_COLUMNS = ['id', 'user_id', 'hash', 'contact_owner', 'company_id', 'prefix', 'first_name', 'last_name', 'email', 'timezone', 'address_line_1', 'address_line_2', 'postal_code', 'city', 'state', 'country', 'ip', 'latitude', 'longitude', 'total_points', 'life_time_value', 'phone', 'status', 'contact_type', 'source', 'avatar', 'date_of_birth', 'created_at', 'last_activity', 'updated_at'];
// Columns FluentCRM writes on create and update (full_name is split before this list applies).
const WRITABLE_COLUMNS = ['prefix', 'first_name', 'last_name', 'email', 'status', 'contact_type', 'address_line_1', 'address_line_2', 'postal_code', 'city', 'state', 'country', 'phone', 'timezone', 'date_of_birth', 'source', 'avatar', 'company_id', 'user_id', 'ip', 'latitude', 'longitude', 'life_time_value', 'total_points', 'last_activity', 'created_at'];

const DEFAULT_TAGS = ['VIP Customer', 'Webinar Attendee', 'Lead Magnet'];
const DEFAULT_LISTS = ['Newsletter', 'Product Updates'];
const DEFAULT_CUSTOM_FIELDS = [
	{ label: 'Company Size', slug: 'company_size', type: 'select-one', group: 'Default', options: ['1-10', '11-50', '51-200', '200+'] },
	{ label: 'Lifetime Orders', slug: 'lifetime_orders', type: 'number', group: 'Default', options: [] },
	{ label: 'Favourite Colour', slug: 'favourite_colour', type: 'text', group: 'Default', options: [] },
	{ label: 'Renewal Date', slug: 'renewal_date', type: 'date', group: 'Billing', options: [] },
	{ label: 'Interests', slug: 'interests', type: 'checkbox', group: 'Default', options: ['Email', 'SMS', 'Events'] },
];
const FIRST_NAMES = ['Alice', 'Bruno', 'Chiara', 'Dmitri', 'Esther', 'Farid', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Luis', 'Maja', 'Noor', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tomoko'];
const LAST_NAMES = ['Doe', 'Moreau', 'Rossi', 'Ivanov', 'Cohen', 'Haddad', 'Berg', 'Tanaka', 'Alves', 'Weber', 'Okafor', 'Garcia', 'Novak', 'Rahman', 'Lund', 'Sharma', 'Dubois', 'Costa', 'Nilsson', 'Sato'];
const SEED_BASE_TIME = new Date(2025, 0, 6, 9, 0, 0); // contacts seeded at fixed local times: deterministic output

const md5 = (text) => crypto.createHash('md5').update(text).digest('hex');
const pad = (n) => String(n).padStart(2, '0');
// Site-local time without offset, as FluentCRM stores it.
const formatDate = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

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

function createStore({ now = () => new Date(), siteUrl, seed = 1 }) {
	const state = { contacts: [], tags: [], lists: [], pivots: [], notes: [], companies: [], webhooks: [], customFields: [], campaigns: [], customValues: {} };
	const nextIds = {};
	const random = mulberry32(seed);
	const timestamp = () => formatDate(now());
	const nextId = (table) => (nextIds[table] = (nextIds[table] || 0) + 1);

	// ---- taxonomies -------------------------------------------------------------
	const taxonomyTable = (kind) => (kind === 'tag' ? state.tags : state.lists);

	function createTaxonomy(kind, { title, slug, description = '' }, at = timestamp()) {
		const row = { id: nextId(kind), title: String(title), slug: slug ? sanitizeTitle(slug) : sanitizeTitle(title), description: String(description ?? '') };
		if (kind === 'list') row.is_public = '0'; // a string, as FluentCRM sends it
		Object.assign(row, { created_at: at, updated_at: at });
		taxonomyTable(kind).push(row);
		return row;
	}

	const findTaxonomy = (kind, id) => taxonomyTable(kind).find((row) => row.id === Number(id));

	// How FluentCRM reads tag/list values: numeric → id (unknown ids dropped); text of 3+ chars →
// matched by title/slug, or a new tag/list is created silently; shorter text is dropped.
	function resolveTaxonomyValues(kind, values) {
		const ids = [];
		for (const value of values || []) {
			const text = String(value).trim();
			if (/^\d+$/.test(text)) {
				if (findTaxonomy(kind, text)) ids.push(Number(text));
				continue;
			}
			if (text.length < 3) continue;
			const lower = text.toLowerCase();
			const match = taxonomyTable(kind).find((row) => row.title.toLowerCase() === lower || row.slug === lower);
			ids.push((match || createTaxonomy(kind, { title: text })).id);
		}
		return [...new Set(ids)];
	}

	// ---- pivots -------------------------------------------------------------------
	const linksOf = (contactId, kind) => state.pivots.filter((p) => p.subscriber_id === contactId && p.kind === kind);

	function attach(contactId, kind, ids) {
		for (const id of ids) {
			if (linksOf(contactId, kind).some((p) => p.object_id === id)) continue;
			const at = timestamp();
			state.pivots.push({ subscriber_id: contactId, object_id: id, kind, created_at: at, updated_at: at });
		}
	}

	function detach(contactId, kind, ids) {
		const drop = new Set(ids.map(Number));
		state.pivots = state.pivots.filter((p) => !(p.subscriber_id === contactId && p.kind === kind && drop.has(p.object_id)));
	}

	// ---- contacts -----------------------------------------------------------------
	const findContact = (id) => state.contacts.find((c) => c.id === Number(id));
	const findContactByEmail = (email) => state.contacts.find((c) => c.email.toLowerCase() === String(email).trim().toLowerCase());

	function insertContact(columns) {
		const at = timestamp();
		const row = Object.fromEntries(CONTACT_COLUMNS.map((column) => [column, null]));
		Object.assign(row, { total_points: '0', life_time_value: '0', contact_type: 'lead', created_at: at, updated_at: at }, columns);
		row.id = nextId('contact');
		row.hash = md5(row.email);
		state.contacts.push(row);
		return row;
	}

	// Returns true when a column value changed (Eloquent isDirty); updated_at only moves then.
	function updateContactColumns(contact, columns) {
		const dirty = Object.entries(columns).some(([key, value]) => contact[key] !== value);
		if (!dirty) return false;
		Object.assign(contact, columns, { updated_at: timestamp() });
		contact.hash = md5(contact.email);
		return true;
	}

	function deleteContact(id) {
		state.contacts = state.contacts.filter((c) => c.id !== id);
		state.pivots = state.pivots.filter((p) => p.subscriber_id !== id);
		state.notes = state.notes.filter((n) => n.subscriber_id !== id);
		delete state.customValues[id];
	}

	// Custom values only keep slugs of defined fields; empty values delete the entry.
	function setCustomValues(contactId, values) {
		if (!values || typeof values !== 'object') return;
		const known = new Set(state.customFields.map((f) => f.slug));
		const current = (state.customValues[contactId] = state.customValues[contactId] || {});
		for (const [slug, value] of Object.entries(values)) {
			if (!known.has(slug)) continue;
			if (value === '' || value === null || (Array.isArray(value) && !value.length)) delete current[slug];
			else current[slug] = value;
		}
	}

	function serializeTaxonomy(kind, row, pivot) {
		const out = { ...row };
		if (pivot) {
			out.pivot = { subscriber_id: String(pivot.subscriber_id), object_id: String(pivot.object_id), object_type: kind === 'tag' ? TAG_CLASS : LIST_CLASS, created_at: pivot.created_at, updated_at: pivot.updated_at };
		}
		return out;
	}

	function serializeContact(contact, { withRelations = true } = {}) {
		const out = {};
		for (const column of CONTACT_COLUMNS) out[column] = contact[column];
		if (out.date_of_birth === '0000-00-00') out.date_of_birth = ''; // a blanked birth date reads back as ""
		out.full_name = `${contact.first_name || ''} ${contact.last_name || ''}`.trim();
		out.photo = contact.avatar || `${siteUrl}/wp-content/plugins/fluent-crm/assets/images/avatar.png`;
		if (withRelations) {
			out.tags = linksOf(contact.id, 'tag').map((p) => serializeTaxonomy('tag', findTaxonomy('tag', p.object_id), p));
			out.lists = linksOf(contact.id, 'list').map((p) => serializeTaxonomy('list', findTaxonomy('list', p.object_id), p));
		}
		return out;
	}

	// ---- seeding ------------------------------------------------------------------
	const asTaxonomyInput = (item) => (typeof item === 'string' ? { title: item } : item);

	function seedContacts(count) {
		for (let i = 0; i < count; i++) {
			const index = state.contacts.length;
			const first = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)];
			const last = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)];
			const at = formatDate(new Date(SEED_BASE_TIME.getTime() + index * 67 * 60 * 1000));
			const roll = random();
			const status = roll < 0.75 ? 'subscribed' : roll < 0.87 ? 'pending' : roll < 0.95 ? 'unsubscribed' : 'bounced';
			const contact = insertContact({ first_name: first, last_name: last, email: `${first}.${last}.${index + 1}@example.test`.toLowerCase(), status, contact_type: random() < 0.3 ? 'customer' : 'lead', created_at: at, updated_at: at });
			for (const kind of ['tag', 'list']) {
				const pool = taxonomyTable(kind);
				const picked = pool.filter(() => random() < 0.4).map((row) => row.id);
				for (const id of picked) state.pivots.push({ subscriber_id: contact.id, object_id: id, kind, created_at: at, updated_at: at });
			}
		}
	}

	function seedCampaigns() {
		const at = timestamp();
		const make = (title, status, subject) => ({ id: nextId('campaign'), parent_id: null, type: 'campaign', title, available_urls: null, slug: sanitizeTitle(title), status, template_id: null, email_subject: subject, email_pre_header: '', email_body: `<p>${subject}</p>`, recipients_count: 0, delay: 0, utm_status: 0, utm_source: null, utm_medium: null, utm_campaign: null, utm_term: null, utm_content: null, design_template: 'simple', scheduled_at: null, settings: { mailer_settings: { from_name: '', from_email: '', reply_to_name: '', reply_to_email: '', is_custom: 'no' } }, created_by: '1', created_at: at, updated_at: at });
		state.campaigns.push(make('Spring Launch', 'archived', 'Our spring collection is here'), make('Monthly Digest — June', 'draft', 'What happened in June'), make('Webinar Reminder', 'scheduled', 'Starting in one hour'));
	}

	function seedData({ contacts = 0, tags, lists, customFields, campaigns = false } = {}) {
		const seededAt = formatDate(new Date(SEED_BASE_TIME.getTime() - 24 * 3600 * 1000));
		for (const tag of tags || []) createTaxonomy('tag', asTaxonomyInput(tag), seededAt);
		for (const list of lists || []) createTaxonomy('list', asTaxonomyInput(list), seededAt);
		if (customFields) state.customFields.push(...customFields.map((f) => ({ options: [], group: 'Default', ...f })));
		if (campaigns) seedCampaigns();
		if (typeof contacts === 'number') seedContacts(contacts);
		else for (const contact of contacts) insertContact({ status: 'subscribed', ...contact });
	}

	return {
		state,
		timestamp,
		nextId,
		createTaxonomy,
		findTaxonomy,
		resolveTaxonomyValues,
		linksOf,
		attach,
		detach,
		findContact,
		findContactByEmail,
		insertContact,
		updateContactColumns,
		deleteContact,
		setCustomValues,
		serializeTaxonomy,
		serializeContact,
		seedData,
	};
}

module.exports = { createStore, formatDate, STATUSES, CONTACT_TYPES, NOTE_TYPES, WRITABLE_COLUMNS, DEFAULT_TAGS, DEFAULT_LISTS, DEFAULT_CUSTOM_FIELDS };
