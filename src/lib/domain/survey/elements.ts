// The nine SKM elements (unsur) of PermenPAN-RB 14/2017, in the regulation's order (docs/rules.md §6), each
// with its own wording of the 1..4 answers as printed on the model questionnaire (Lampiran).

export interface Bilingual {
	id: string;
	en: string;
}

export interface SurveyElement {
	code: 'U1' | 'U2' | 'U3' | 'U4' | 'U5' | 'U6' | 'U7' | 'U8' | 'U9';
	field: 'u1' | 'u2' | 'u3' | 'u4' | 'u5' | 'u6' | 'u7' | 'u8' | 'u9';
	name: Bilingual;
	question: Bilingual;
	/** Answers 1..4, worst first. */
	answers: readonly [Bilingual, Bilingual, Bilingual, Bilingual];
}

const b = (id: string, en: string): Bilingual => ({ id, en });

export const SURVEY_ELEMENTS: readonly SurveyElement[] = [
	{
		code: 'U1',
		field: 'u1',
		name: b('Persyaratan', 'Requirements'),
		question: b(
			'Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
			'How well do the service requirements match the type of service?'
		),
		answers: [
			b('Tidak sesuai', 'Not appropriate'),
			b('Kurang sesuai', 'Somewhat appropriate'),
			b('Sesuai', 'Appropriate'),
			b('Sangat sesuai', 'Very appropriate')
		]
	},
	{
		code: 'U2',
		field: 'u2',
		name: b('Sistem, Mekanisme, dan Prosedur', 'Systems, mechanisms and procedures'),
		question: b(
			'Bagaimana kemudahan prosedur pelayanan di unit ini?',
			'How easy is the service procedure at this unit?'
		),
		answers: [
			b('Tidak mudah', 'Not easy'),
			b('Kurang mudah', 'Somewhat easy'),
			b('Mudah', 'Easy'),
			b('Sangat mudah', 'Very easy')
		]
	},
	{
		code: 'U3',
		field: 'u3',
		name: b('Waktu Penyelesaian', 'Completion time'),
		question: b(
			'Bagaimana kecepatan waktu dalam memberikan pelayanan?',
			'How fast was the service delivered?'
		),
		answers: [
			b('Tidak cepat', 'Not fast'),
			b('Kurang cepat', 'Somewhat fast'),
			b('Cepat', 'Fast'),
			b('Sangat cepat', 'Very fast')
		]
	},
	{
		code: 'U4',
		field: 'u4',
		name: b('Biaya/Tarif', 'Cost/tariff'),
		question: b('Bagaimana kewajaran biaya/tarif dalam pelayanan?', 'How fair is the cost of the service?'),
		answers: [
			b('Sangat mahal', 'Very expensive'),
			b('Cukup mahal', 'Fairly expensive'),
			b('Murah', 'Cheap'),
			b('Gratis', 'Free')
		]
	},
	{
		code: 'U5',
		field: 'u5',
		name: b('Produk Spesifikasi Jenis Pelayanan', 'Service products'),
		question: b(
			'Bagaimana kesesuaian produk pelayanan yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
			'How well does the service result match the product listed in the service standard?'
		),
		answers: [
			b('Tidak sesuai', 'Not appropriate'),
			b('Kurang sesuai', 'Somewhat appropriate'),
			b('Sesuai', 'Appropriate'),
			b('Sangat sesuai', 'Very appropriate')
		]
	},
	{
		code: 'U6',
		field: 'u6',
		name: b('Kompetensi Pelaksana', 'Staff competence'),
		question: b(
			'Bagaimana kompetensi/kemampuan petugas dalam pelayanan?',
			'How competent were the staff in providing the service?'
		),
		answers: [
			b('Tidak kompeten', 'Not competent'),
			b('Kurang kompeten', 'Somewhat competent'),
			b('Kompeten', 'Competent'),
			b('Sangat kompeten', 'Very competent')
		]
	},
	{
		code: 'U7',
		field: 'u7',
		name: b('Perilaku Pelaksana', 'Staff conduct'),
		question: b(
			'Bagaimana perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
			'How polite and friendly were the staff?'
		),
		answers: [
			b('Tidak sopan dan ramah', 'Not polite and friendly'),
			b('Kurang sopan dan ramah', 'Somewhat polite and friendly'),
			b('Sopan dan ramah', 'Polite and friendly'),
			b('Sangat sopan dan ramah', 'Very polite and friendly')
		]
	},
	{
		code: 'U8',
		field: 'u8',
		name: b('Penanganan Pengaduan, Saran dan Masukan', 'Handling of complaints and suggestions'),
		question: b(
			'Bagaimana penanganan pengaduan, saran, dan masukan pengguna layanan?',
			'How are complaints, suggestions and feedback from service users handled?'
		),
		answers: [
			b('Tidak ada', 'Not available'),
			b('Ada tetapi tidak berfungsi', 'Available but not working'),
			b('Berfungsi kurang maksimal', 'Working, not fully'),
			b('Dikelola dengan baik', 'Well managed')
		]
	},
	{
		code: 'U9',
		field: 'u9',
		name: b('Sarana dan Prasarana', 'Facilities'),
		question: b(
			'Bagaimana kualitas sarana dan prasarana pelayanan?',
			'What is the quality of the service facilities?'
		),
		answers: [b('Buruk', 'Poor'), b('Cukup', 'Fair'), b('Baik', 'Good'), b('Sangat baik', 'Very good')]
	}
];

/** Answers of one questionnaire, element order U1..U9, each 1..4. */
export type Answers = readonly number[];
