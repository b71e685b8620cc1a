import type { ResourceTable } from '../../shared/actions/router';
import * as apiRequest from './apiRequest';
import * as community from './community';
import * as customOption from './customOption';
import * as eventOccurrence from './eventOccurrence';
import * as learningPlan from './learningPlan';
import * as notification from './notification';
import * as role from './role';
import * as topic from './topic';
import * as user from './user';

export const fuseResources: ResourceTable = { apiRequest, community, customOption, eventOccurrence, learningPlan, notification, role, topic, user };
