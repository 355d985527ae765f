// The console calls only the public REST API (and /console/api for signing in and out), with the session cookie
// and the CSRF token the server set in a readable cookie, echoed in a header (double submit).

export class ApiError extends Error {
  constructor(status, type, message) {
    super(message || `The request failed (${status}).`);
    this.status = status;
    this.type = type;
  }

  /** Every validation problem in the message, with the field path it names ("at 'snsTopicArns.1.member'"). */
  get problems() {
    const match = /^\d+ validation errors? detected: ([\s\S]*)$/.exec(this.message);
    const parts = match ? match[1].split(/; (?=Value|[A-Z])/) : [this.message];
    return parts.map(text => ({ path: /at '([^']+)'/.exec(text)?.[1] ?? null, message: text }));
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('crowsnest_csrf='));
  return cookie ? decodeURIComponent(cookie.slice('crowsnest_csrf='.length)) : '';
}

/** POSTs a JSON body to an API path; returns the JSON answer or throws ApiError. */
export async function api(path, body = {}) {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-Crowsnest-Csrf': csrfToken() },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let data = {};
  try { data = text ? JSON.parse(text) : {}; } catch { data = { message: text }; }
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/console/api/')) {
      location.assign('/console/sign-in?next=' + encodeURIComponent(location.pathname.replace('/console/', '')));
    }
    throw new ApiError(response.status, data.__type, data.message ?? data.Message);
  }
  return data;
}
