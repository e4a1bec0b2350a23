/**
 * Builds this services (calls, letters with attachments, contacts, volunteers, the
 * timeline) and their handlers, so create-core.ts wires them with one line.
 */
import { dirname, join } from 'node:path';
import type { Db } from '../db/open-database';
import type { Clock, IdGenerator } from '../core/clock';
import { ORGANISATION_DEFAULTS } from '../setup/organisation-defaults';
import { createAttachmentStore } from '../attachments/attachment-store';
import { createCallService } from '../calls/call-service';
import { callHandlers } from '../calls/handlers';
import { createLetterService } from '../letters/letter-service';
import { letterHandlers } from '../letters/handlers';
import { createContactService } from '../contacts/contact-service';
import { contactHandlers } from '../contacts/handlers';
import { createVolunteerService } from '../volunteers/volunteer-service';
import { volunteerHandlers } from '../volunteers/handlers';
import { createTimelineRegistry } from './timeline-registry';
import { timelineHandlers } from './handlers';
import { callsTimelineSource, contactsTimelineSource, lettersTimelineSource } from './channel-sources';

export interface ChannelDeps {
  db: Db;
  clock: Clock;
  newId: IdGenerator;
  databaseFile: string;
  /** Where attachments are kept; by default an `attachments` folder beside the database file. */
  attachmentsDir?: string;
}

export function createChannelServices({ db, clock, newId, databaseFile, attachmentsDir }: ChannelDeps) {
  const attachments = createAttachmentStore(attachmentsDir ?? join(dirname(databaseFile), 'attachments'));
  const calls = createCallService({ db, clock, newId });
  const letters = createLetterService({ db, clock, newId, attachments });
  const contacts = createContactService({ db, clock, newId });
  const volunteers = createVolunteerService({ db, clock, newId });
  const timeline = createTimelineRegistry();
  timeline.register(callsTimelineSource(db, calls.topics));
  timeline.register(lettersTimelineSource(db));
  timeline.register(contactsTimelineSource(db));
  const handlers = {
    ...callHandlers(calls),
    ...letterHandlers(letters, ORGANISATION_DEFAULTS.name),
    ...contactHandlers(contacts),
    ...volunteerHandlers(volunteers),
    ...timelineHandlers(timeline),
  };
  return { attachments, calls, letters, contacts, volunteers, timeline, handlers };
}

export type ChannelServices = ReturnType<typeof createChannelServices>;
