// Photos from phone cameras are 3-12 MB; shrinking them before upload (about 1600 px, JPEG) keeps
// uploads quick on a weak connection. PDFs and anything the browser cannot decode go as they are.
const MAX_SIDE = 1600;
const QUALITY = 0.82;

/** The file to send, and whether the browser could decode it as a picture (for a preview). */
export async function shrinkImage(file: File): Promise<{ file: File; picture: boolean }> {
	if (!/^image\/(jpeg|png|webp|heic|heif)$/.test(file.type)) return { file, picture: false };
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		return { file, picture: false };
	}
	const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
	if (scale === 1 && file.type === 'image/jpeg' && file.size < 1_500_000) {
		bitmap.close();
		return { file, picture: true };
	}
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(bitmap.width * scale);
	canvas.height = Math.round(bitmap.height * scale);
	const ctx = canvas.getContext('2d');
	if (!ctx) return { file, picture: true };
	ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
	bitmap.close();
	const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', QUALITY));
	if (!blob || blob.size >= file.size) return { file, picture: true };
	const name = file.name.replace(/\.[^.]+$/, '') + '.jpg';
	return { file: new File([blob], name, { type: 'image/jpeg' }), picture: true };
}
