/** One builder per document kind; every renderer starts from `buildDocument`. */
import type { DocumentRequest } from '../document-kinds';
import type { DocumentModel } from '../document-model';
import type { BuildOptions } from './common';
import { buildDeclaration } from './declaration';
import { buildDeliveryReceipt } from './delivery-receipt';
import { buildLetterReceipt } from './letter-receipt';
import { buildQueueTicket } from './queue-ticket';
import { buildRequestReceipt } from './request-receipt';
import { buildTestPage } from './test-page';

export type { BuildOptions } from './common';

export function buildDocument(request: DocumentRequest, options: BuildOptions = {}): DocumentModel {
  switch (request.kind) {
    case 'request-receipt':
      return buildRequestReceipt(request.data, options);
    case 'declaration':
      return buildDeclaration(request.data, options);
    case 'queue-ticket':
      return buildQueueTicket(request.data, options);
    case 'letter-receipt':
      return buildLetterReceipt(request.data, options);
    case 'delivery-receipt':
      return buildDeliveryReceipt(request.data, options);
    case 'test-page':
      return buildTestPage(request.data, options);
  }
}

