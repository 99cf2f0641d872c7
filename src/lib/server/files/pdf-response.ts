/** A PDF answer: shown in the browser, saved under a readable name. */
export function pdfResponse(pdf: Buffer, fileName: string, publicCache: boolean): Response {
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${fileName}"`,
			'cache-control': publicCache ? 'public, max-age=300' : 'private, no-store'
		}
	});
}
