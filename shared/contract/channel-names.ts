/**
 * The channel names alone, for the preload: it must stay small and carry no schemas. The type
 * check below fails compilation when this list and the contract disagree in either direction.
 */
import type { ChannelName } from './api-types';

export const CHANNEL_NAMES = [
  'session:current',
  'app:info',
  'beneficiaries:categories',
  'beneficiaries:search',
  'beneficiaries:get',
  'beneficiaries:create',
  'beneficiaries:update',
  'beneficiaries:checkDuplicates',
  'calls:topics',
  'calls:setTopics',
  'calls:staff',
  'calls:lookup',
  'calls:create',
  'calls:link',
  'calls:list',
  'calls:followUps',
  'calls:closeFollowUp',
  'calls:exportCsv',
  'letters:create',
  'letters:update',
  'letters:get',
  'letters:search',
  'letters:exportCsv',
  'letters:attach',
  'letters:preview',
  'letters:receipt',
  'letters:referenceSettings',
  'letters:setReferenceSettings',
  'contacts:create',
  'contacts:list',
  'contacts:setStatus',
  'contacts:link',
  'contacts:prefill',
  'contacts:markConverted',
  'volunteers:create',
  'volunteers:update',
  'volunteers:list',
  'timeline:forBeneficiary',
] as const satisfies readonly ChannelName[];

type Missing = Exclude<ChannelName, (typeof CHANNEL_NAMES)[number]>;
// If this line fails to compile, a contract channel is missing from CHANNEL_NAMES.
export const CHANNEL_LIST_IS_COMPLETE: [Missing] extends [never] ? true : Missing = true;
