import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../shared/transport/answer';
import type { Expectation } from '../../shared/transport/answer';
import { hasNextPagePages } from '../../shared/transport/pagination';
import { objectRequest, providerPages } from '../../shared/transport/request';
import type { RequestContext } from '../../shared/transport/types';
import { nexudusPolicy } from './policy';

/** Large pages keep long lists inside the 120 requests a minute budget. */
export const PAGE_SIZE = 500;

/** The largest page Nexudus documents: for reads that must see every match in as few requests as possible. */
export const LARGEST_PAGE = 1000;

/** One record, as `GET /{module}/{entities}/{id}` answers it: a bare object with its "Id". */
export const nexudusRecord: Expectation = {
	what: 'a Nexudus record (a JSON object with "Id")',
	accepts: (answer) => isRecord(answer.json) && Number(answer.json.Id) > 0,
};

const isEnvelope = (json: unknown): json is IDataObject => isRecord(json) && json.WasSuccessful === true && 'Value' in json;

/** The action answer of an update or a delete: `{ "WasSuccessful": true, "Value": … }`. */
export const nexudusAction: Expectation = {
	what: 'a Nexudus action answer with "WasSuccessful" and "Value"',
	accepts: (answer) => isEnvelope(answer.json),
};

/** The action answer of a create: it carries the new record's id in `Value.Id`. */
export const nexudusCreated: Expectation = {
	what: 'a Nexudus action answer with "WasSuccessful" and the new "Value.Id"',
	accepts: (answer) => isEnvelope(answer.json) && isRecord(answer.json.Value) && Number(answer.json.Value.Id) > 0,
};

/** A request whose answer is one JSON object (a record or an action answer). */
export const nexudusRequest = objectRequest(nexudusPolicy);

/** Lists come as `{ Records: [ … ], HasNextPage }` pages; only `HasNextPage: false` ends them. */
export async function nexudusPages(this: RequestContext, path: string, qs: IDataObject, limit: number | undefined, pageSize = PAGE_SIZE): Promise<IDataObject[]> {
	return await providerPages.call(this, nexudusPolicy, { path, qs, strategy: hasNextPagePages(), pageSize, limit });
}
