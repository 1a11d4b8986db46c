// Calls Cairn's JSON API. Failures become ApiError with the problem's title and detail, ready to show to people.

export class ApiError extends Error {
  constructor(title, detail, status) {
    super(detail);
    this.title = title;
    this.detail = detail;
    this.status = status;
  }
}

async function request(path, init, attempts = 1) {
  let response;
  try {
    response = await fetch(path, { ...init, headers: { Accept: 'application/json', ...(init?.headers ?? {}) } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    if (attempts < 2 && (init?.method ?? 'GET') === 'GET') {
      // a connection dropped under a cancelled type-ahead request: a GET can safely be asked once more
      return request(path, init, attempts + 1);
    }
    throw new ApiError('Cairn did not answer',
      'The server could not be reached. Check that it is still running, then try again.', 0);
  }
  if (response.ok) return response.json();
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // not a problem document: fall back to the status below
  }
  throw new ApiError(problem.title ?? `The server answered ${response.status}`,
    problem.detail ?? 'The request was refused; check what you entered and try again.', response.status);
}

/** GET path with the non-empty entries of query as parameters. */
export function get(path, query = {}, signal) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of [].concat(value ?? [])) {
      if (v !== '' && v !== null && v !== undefined) params.append(key, String(v));
    }
  }
  const q = params.toString();
  return request(q ? `${path}?${q}` : path, { signal });
}

export function post(path, body) {
  return request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** The path of one entity: /api/kind/id, with the id escaped. */
export function entity(kind, id) {
  return `/api/${kind}/${encodeURIComponent(id)}`;
}
