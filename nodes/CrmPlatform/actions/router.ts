import type { ResourceTable } from '../../shared/actions/router';
import * as activity from './activity';
import * as activityType from './activityType';
import * as apiRequest from './apiRequest';
import * as contact from './contact';
import * as contactTag from './contactTag';
import * as country from './country';
import * as district from './district';
import * as state from './state';
import * as tag from './tag';
import * as user from './user';
import * as village from './village';

export const crmPlatformResources: ResourceTable = { activity, activityType, apiRequest, contact, contactTag, country, district, state, tag, user, village };
