import type { ResourceOptions } from 'adminjs';

/** Custom actions of this resource: thin wrappers that parse input and call src/domain. */
export const campaignMemberActions: NonNullable<ResourceOptions['actions']> = {};
