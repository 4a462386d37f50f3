import net from 'node:net'

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
 * POSTs a form on a connection of its own and returns the answer's status. The server may answer an
 * oversize upload from its declared length alone and close the socket while the body is still being
 * sent, so the client's write then fails (EPIPE, ECONNRESET) although the answer has arrived: the
 * status is read from the bytes received, whatever happens to the writing. On fetch's shared pool
 * that reset would also break the next request.
 */
export async function postOnOwnConnection(url: string, form: FormData, token: string): Promise<number> {
  // The reset that cuts the write off can also overtake the answer in the client's own socket
  // buffer (the kernel drops unread bytes on a reset): then no status was seen, and it is asked again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await postOnce(url, form, token)
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

async function postOnce(url: string, form: FormData, token: string): Promise<number> {
  const encoded = new Response(form)
  const body = Buffer.from(await encoded.arrayBuffer())
  const { hostname, port, pathname, search } = new URL(url)
  const head = [
    `POST ${pathname}${search} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    `Authorization: JWT ${token}`,
    `Content-Type: ${encoded.headers.get('content-type')}`,
    `Content-Length: ${body.length}`,
    'Connection: close',
    '',
    '',
  ].join('\r\n')
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname)
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1')
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(received)
      if (status) {
        resolve(Number(status[1]))
        socket.destroy()
      }
    })
    // A write cut off by the server's answer is expected; only a connection that never answered fails.
    socket.on('error', () => undefined)
    socket.on('close', () => reject(new Error(`no answer from ${url}: ${received.slice(0, 200) || 'connection closed'}`)))
    socket.on('connect', () => {
      socket.write(head)
      // A server that refuses by the declared length answers before any of the body: waiting a
      // moment for that answer keeps the body from crossing it (a server closing on unread bytes
      // resets the connection, and the reset can drop the answer). Without an answer, the body goes.
      const timer = setTimeout(() => socket.end(body), 1000)
      socket.on('close', () => clearTimeout(timer))
    })
  })
}

export async function getJSON(url: string, token?: string) {
  const response = await fetch(url, { headers: token ? { Authorization: `JWT ${token}` } : {} })
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text()
  return { status: response.status, body }
}
