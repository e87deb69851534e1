import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleChat } from './stub-chat';
import { handleEmbeddings } from './stub-embeddings';
import { errorBody, readBody, type StubState, send } from './stub-http';
import type { StubRequestRecord } from './stub-types';

/** Routes one request (OpenAI paths, or Azure's deployment paths when asked), after the key and JSON checks. */
export async function handleRequest(
  state: StubState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://stub');
  const rawPath = url.pathname.replace(/\/+$/, '');
  // Azure: /openai/deployments/<deployment>/<operation>?api-version=…; the deployment is the model.
  const azure = state.quirks.azure ? /^\/openai\/deployments\/([^/]+)(\/.*)$/.exec(rawPath) : null;
  const path = azure ? `/v1${azure[2]}` : state.quirks.azure ? '/azure/unknown' : rawPath;
  const endpoint: StubRequestRecord['endpoint'] =
    method === 'POST' && path === '/v1/chat/completions'
      ? 'chat'
      : method === 'POST' && path === '/v1/embeddings'
        ? 'embeddings'
        : method === 'GET' && path === '/v1/models'
          ? 'models'
          : 'unknown';
  const raw = await readBody(req);
  let body: unknown;
  let badJson = false;
  if (raw !== '') {
    try {
      body = JSON.parse(raw);
    } catch {
      badJson = true;
    }
  }
  if (azure && typeof body === 'object' && body !== null) {
    body = { ...(body as Record<string, unknown>), model: decodeURIComponent(azure[1] as string) };
  }
  const record: StubRequestRecord = {
    endpoint,
    method,
    path: rawPath,
    headers: req.headers,
    body,
    prompt: '',
  };
  state.requests.push(record);

  const authorised = state.quirks.azure
    ? req.headers['api-key'] === state.options.apiKey
    : req.headers.authorization === `Bearer ${state.options.apiKey}`;
  if (state.options.apiKey !== undefined && !authorised) {
    send(
      state,
      res,
      401,
      errorBody('Incorrect API key provided (stub).', 'invalid_request_error', 'invalid_api_key'),
    );
    return;
  }
  if (badJson) {
    send(state, res, 400, errorBody('The request body is not valid JSON.', 'invalid_request_error', null));
    return;
  }
  if (state.quirks.azure && !url.searchParams.get('api-version')) {
    send(
      state,
      res,
      400,
      errorBody(
        'Missing required query parameter: api-version (stub).',
        'invalid_request_error',
        'missing_api_version',
      ),
    );
    return;
  }
  switch (endpoint) {
    case 'chat':
      return handleChat(state, record, res);
    case 'embeddings':
      return handleEmbeddings(state, record, res);
    case 'models':
      send(state, res, 200, {
        object: 'list',
        data: [{ id: 'stub-model', object: 'model', created: 0, owned_by: 'stub' }],
      });
      return;
    default:
      send(
        state,
        res,
        404,
        errorBody(`Unknown endpoint ${method} ${path} (stub).`, 'invalid_request_error', null),
      );
  }
}
