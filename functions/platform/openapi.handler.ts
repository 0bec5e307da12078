import { httpHandler, ok } from '../../shared/http/handler.ts';
import { openApiDocument } from '../../shared/http/openapi.ts';
import { functions, httpFunctions } from '../manifest.ts';

const document = openApiDocument(httpFunctions().map(([, f]) => f.trigger));

export const handler = httpHandler(functions.openapi.trigger, async () => ok(document));
