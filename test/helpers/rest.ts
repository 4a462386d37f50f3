/** Small REST client for end-to-end tests: what a browser or script would send to the API. */
export async function login(adminURL: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${adminURL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (!response.ok) throw new Error(`login of ${email} failed: ${response.status} ${await response.text()}`)
  const { token } = (await response.json()) as { token: string }
  return token
}

export async function getJSON(url: string, token?: string) {
  const response = await fetch(url, { headers: token ? { Authorization: `JWT ${token}` } : {} })
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text()
  return { status: response.status, body }
}
