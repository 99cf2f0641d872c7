// Every file the app sends (PDF, XLSX, CSV, evidence) goes out through these helpers, so that
// the Content-Disposition of a name with non-ASCII characters and the cache policy are decided
// in one place.

export const CONTENT_TYPE = {
	pdf: 'application/pdf',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8'
} as const;

export interface DownloadOptions {
	/** The name the browser saves the file under; omitted: a bare disposition. */
	fileName?: string;
	disposition?: 'inline' | 'attachment';
	/** Cache-Control; omitted when undefined. */
	cache?: string;
	/** Further headers (Content-Length, Content-Security-Policy). */
	extra?: Record<string, string>;
}

/** `inline; filename="…"`, with an RFC 6266 `filename*` when the name is not plain ASCII. */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName?: string): string {
	if (fileName === undefined) return disposition;
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	const plain = `${disposition}; filename="${ascii}"`;
	return ascii === fileName ? plain : `${plain}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function downloadHeaders(contentType: string, o: DownloadOptions = {}): Record<string, string> {
	const headers: Record<string, string> = {
		'content-type': contentType,
		'content-disposition': contentDisposition(o.disposition ?? 'attachment', o.fileName)
	};
	if (o.cache !== undefined) headers['cache-control'] = o.cache;
	return { ...headers, ...o.extra };
}

/** A file answer; Buffers are copied into a plain Uint8Array as the Response type wants. */
export function fileResponse(
	body: Uint8Array | string,
	contentType: string,
	o: DownloadOptions = {}
): Response {
	const payload = typeof body === 'string' ? body : (new Uint8Array(body) as Uint8Array<ArrayBuffer>);
	return new Response(payload, { headers: downloadHeaders(contentType, o) });
}

/** A PDF answer: shown in the browser unless told otherwise, saved under a readable name. */
export function pdfResponse(
	pdf: Uint8Array,
	fileName: string,
	o: Omit<DownloadOptions, 'fileName'>
): Response {
	return fileResponse(pdf, CONTENT_TYPE.pdf, { disposition: 'inline', ...o, fileName });
}

export function xlsxResponse(xlsx: Uint8Array, fileName: string, cache?: string): Response {
	return fileResponse(xlsx, CONTENT_TYPE.xlsx, { fileName, cache });
}

/**
 * An uploaded evidence file (a score sheet's or an objection's), shown inline under its original
 * name. A PDF opened inline runs in an opaque origin: no script of it reaches the app.
 */
export function evidenceResponse(bytes: Uint8Array, mime: string, fileName: string): Response {
	return fileResponse(bytes, mime, {
		fileName,
		disposition: 'inline',
		cache: 'private, max-age=86400',
		extra: {
			'content-length': String(bytes.length),
			'content-security-policy': "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"
		}
	});
}
