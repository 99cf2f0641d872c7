// Names of the demo city "Kota Contoh": realistic, fictional, fixed.
export const CITY = {
	government: 'Pemerintah Kota Contoh',
	place: 'Kota Contoh',
	division: 'Bagian Organisasi Sekretariat Daerah Kota Contoh'
};

export const KELURAHAN = [
	'Bandar Lor',
	'Bandar Kidul',
	'Banjarmlati',
	'Bangsal',
	'Balowerti',
	'Burengan',
	'Campurejo',
	'Dandangan',
	'Dermo',
	'Jamsaren',
	'Kaliombo',
	'Kampungdalem',
	'Kemasan',
	'Ketami',
	'Lirboyo',
	'Manisrenggo',
	'Mojoroto',
	'Mrican',
	'Ngadirejo',
	'Ngampel',
	'Pakelan',
	'Pakunden',
	'Pesantren',
	'Pocanan',
	'Rejomulyo',
	'Ringinanom',
	'Semampir',
	'Setonogedong',
	'Sukorame',
	'Tosaren'
];

export const PUSKESMAS = [
	'Puskesmas Kota Wilayah Selatan',
	'Puskesmas Kota Wilayah Utara',
	'Puskesmas Balowerti',
	'Puskesmas Campurejo',
	'Puskesmas Mrican',
	'Puskesmas Ngletih',
	'Puskesmas Pesantren I',
	'Puskesmas Pesantren II',
	'Puskesmas Sukorame',
	'Puskesmas Tosaren',
	'Puskesmas Kalumpang',
	'Puskesmas Pakelan'
];

export const OPD: [code: string, name: string][] = [
	['DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil'],
	['DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu'],
	['RSUD-GMB', 'RSUD Gambiran'],
	['RSUD-KC', 'RSUD Kota Contoh'],
	['DINKES', 'Dinas Kesehatan'],
	['DINSOS', 'Dinas Sosial'],
	['DISHUB', 'Dinas Perhubungan'],
	['DISDIK', 'Dinas Pendidikan'],
	['DLH', 'Dinas Lingkungan Hidup'],
	['BAPENDA', 'Badan Pendapatan Daerah'],
	['DISNAKER', 'Dinas Tenaga Kerja'],
	['DISKOP', 'Dinas Koperasi dan Usaha Mikro'],
	['DISPERPUSIP', 'Dinas Perpustakaan dan Kearsipan'],
	['DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang'],
	['DPERKIM', 'Dinas Perumahan dan Kawasan Permukiman'],
	['SATPOLPP', 'Satuan Polisi Pamong Praja'],
	['BPBD', 'Badan Penanggulangan Bencana Daerah'],
	['DISKOMINFO', 'Dinas Komunikasi dan Informatika'],
	['DKPP', 'Dinas Ketahanan Pangan dan Pertanian'],
	['DISBUDPARPORA', 'Dinas Kebudayaan, Pariwisata, Kepemudaan dan Olahraga'],
	['DP3AP2KB', 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan KB'],
	['DISPERDAGIN', 'Dinas Perdagangan dan Perindustrian'],
	['DAMKAR', 'Dinas Pemadam Kebakaran'],
	['KEC-KOTA', 'Kecamatan Kota'],
	['KEC-UTARA', 'Kecamatan Kota Utara'],
	['KEC-SELATAN', 'Kecamatan Kota Selatan'],
	['MPP', 'Mal Pelayanan Publik'],
	['PDAM', 'Perumda Air Minum Tirta Contoh']
];

export interface DemoPerson {
	email: string;
	name: string;
	affiliationType?: 'university' | 'student_board' | 'other';
	affiliationName?: string;
}

export const ASSESSORS: DemoPerson[] = [
	{
		email: 'dr.ratna@unc.ac.id',
		name: 'Dr. Ratna Wulandari, M.Si.',
		affiliationType: 'university',
		affiliationName: 'Universitas Negeri Contoh'
	},
	{
		email: 'agus.prasetyo@unc.ac.id',
		name: 'Agus Prasetyo, S.Sos., M.AP.',
		affiliationType: 'university',
		affiliationName: 'Universitas Negeri Contoh'
	},
	{
		email: 'siti.rahma@uic.ac.id',
		name: 'Dr. Siti Rahmawati, M.Pd.',
		affiliationType: 'university',
		affiliationName: 'Universitas Islam Contoh'
	},
	{
		email: 'bambang.h@uic.ac.id',
		name: 'Bambang Hermawan, S.H., M.H.',
		affiliationType: 'university',
		affiliationName: 'Universitas Islam Contoh'
	},
	{
		email: 'dimas.bem@student.unc.ac.id',
		name: 'Dimas Aditya',
		affiliationType: 'student_board',
		affiliationName: 'BEM Universitas Negeri Contoh'
	},
	{
		email: 'nadia.bem@student.unc.ac.id',
		name: 'Nadia Putri Ayu',
		affiliationType: 'student_board',
		affiliationName: 'BEM Universitas Negeri Contoh'
	},
	{
		email: 'fajar.bem@student.uic.ac.id',
		name: 'Fajar Ramadhan',
		affiliationType: 'student_board',
		affiliationName: 'BEM Universitas Islam Contoh'
	},
	{
		email: 'laila.bem@student.uic.ac.id',
		name: 'Laila Nur Aini',
		affiliationType: 'student_board',
		affiliationName: 'BEM Universitas Islam Contoh'
	}
];

export const ADMIN: DemoPerson = {
	email: 'admin@kotacontoh.go.id',
	name: 'Hendra Kurniawan (Bagian Organisasi)'
};
export const VIEWER: DemoPerson = {
	email: 'walikota@kotacontoh.go.id',
	name: 'Ir. Suryo Wibowo (Wali Kota)'
};

/** Unit heads, each linked to the unit codes listed. */
export const UNIT_HEADS: (DemoPerson & { units: string[] })[] = [
	{
		email: 'lurah.mrican@kotacontoh.go.id',
		name: 'Yuni Astuti, S.STP. (Lurah Mrican)',
		units: ['KEL-18']
	},
	{
		email: 'kapus.selatan@kotacontoh.go.id',
		name: 'dr. Andi Saputra (Kepala Puskesmas)',
		units: ['PKM-01']
	},
	{
		email: 'kadis.dukcapil@kotacontoh.go.id',
		name: 'Drs. Wahyu Santoso (Kepala Dinas)',
		units: ['DISDUKCAPIL']
	},
	{
		email: 'direktur.rsud@kotacontoh.go.id',
		name: 'dr. Maria Lestari, Sp.PD. (Direktur RSUD)',
		units: ['RSUD-GMB', 'RSUD-KC']
	}
];

export const DEMO_PASSWORD = 'Demo#Rapor2026';
