import sharp from 'sharp';
import { isImage, sniffFileType, type SniffedType } from '../../domain/files/sniff';

// Every uploaded file (evidence, objection files, coaching progress, the city logo) is checked
// here: its first bytes must name an accepted type (domain/files/sniff.ts), and an image must
// decode in full, so a JPEG header followed by HTML is refused as a broken image.

export const THUMBNAIL_WIDTH = 360;

export const ANY_SNIFFED_TYPE: readonly SniffedType[] = [
	'image/jpeg',
	'image/png',
	'image/webp',
	'application/pdf'
];

export interface DecodedImage {
	width: number;
	height: number;
	/** a WebP thumbnail, THUMBNAIL_WIDTH wide at most */
	thumbnail: Uint8Array;
}

export type UploadCheck =
	{ ok: true; mime: SniffedType; image: DecodedImage | null } | { ok: false; problem: 'type' | 'broken' };

/** Decodes every pixel (making the thumbnail does); null when sharp cannot read the image. */
async function decodeImage(bytes: Uint8Array): Promise<DecodedImage | null> {
	try {
		const image = sharp(bytes, { failOn: 'error' });
		const { width, height } = await image.metadata();
		const thumbnail = await image
			.rotate()
			.resize({ width: THUMBNAIL_WIDTH, height: THUMBNAIL_WIDTH, fit: 'inside', withoutEnlargement: true })
			.webp({ quality: 70 })
			.toBuffer();
		return width && height ? { width, height, thumbnail } : null;
	} catch {
		return null;
	}
}

export async function checkUpload(
	bytes: Uint8Array,
	accepted: readonly SniffedType[] = ANY_SNIFFED_TYPE
): Promise<UploadCheck> {
	const mime = sniffFileType(bytes);
	if (!mime || !accepted.includes(mime)) return { ok: false, problem: 'type' };
	if (!isImage(mime)) return { ok: true, mime, image: null };
	const image = await decodeImage(bytes);
	return image ? { ok: true, mime, image } : { ok: false, problem: 'broken' };
}
