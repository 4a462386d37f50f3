import http from 'node:http'

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

/**
 * POSTs a form on a connection of its own. The server answers an oversize upload before reading it
 * all and resets the socket; on fetch's shared pool that reset would break the next request.
 */
export async function postOnOwnConnection(url: string, form: FormData, token: string): Promise<number> {
  const encoded = new Response(form)
  const body = Buffer.from(await encoded.arrayBuffer())
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          Authorization: `JWT ${token}`,
          'Content-Type': encoded.headers.get('content-type') as string,
          'Content-Length': body.length,
        },
      },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      },
    )
    // A reset after the answer arrived is expected and ignored: the promise is settled by then.
    request.on('error', reject)
    request.end(body)
  })
}

export async function getJSON(url: string, token?: string) {
  const response = await fetch(url, { headers: token ? { Authorization: `JWT ${token}` } : {} })
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text()
  return { status: response.status, body }
}
