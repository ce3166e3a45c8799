//! Behavioural indicators of some demo competencies, per level: what someone at that level is
//! seen doing (written for Sinergi, not quoted from the rule). The province adds the rest by
//! importing the dictionary CSV.

/// (competency code, indicators of levels 1 to 5).
pub const INDICATORS: &[(&str, [&[&str]; 5])] = &[
    (
        "MNJ-01",
        [
            &[
                "Hadir dan menyelesaikan tugas sesuai jam kerja",
                "Melaporkan kesalahan sendiri tanpa diminta",
            ],
            &[
                "Menolak hadiah atau fasilitas yang terkait tugasnya",
                "Bersikap sama kepada semua pemohon layanan",
            ],
            &[
                "Menegur anggota tim yang melanggar kode etik",
                "Membuka proses kerja unit kepada pemeriksa",
            ],
            &[
                "Menerapkan pengendalian konflik kepentingan di instansi",
                "Menindaklanjuti laporan pelanggaran secara adil dan tepat waktu",
            ],
            &[
                "Merumuskan kebijakan antikorupsi lintas instansi",
                "Menjadi rujukan etika bagi pimpinan perangkat daerah",
            ],
        ],
    ),
    (
        "MNJ-03",
        [
            &[
                "Menyampaikan informasi kerja dengan jelas dan sopan",
                "Mendengarkan sampai selesai sebelum menanggapi",
            ],
            &[
                "Menyusun surat dan laporan yang mudah dipahami",
                "Menyesuaikan bahasa dengan lawan bicara",
            ],
            &[
                "Memandu rapat unit hingga menghasilkan keputusan",
                "Menjelaskan kebijakan kepada masyarakat dan menjawab keberatan",
            ],
            &[
                "Merancang strategi komunikasi program instansi",
                "Menangani komunikasi saat terjadi krisis informasi",
            ],
            &[
                "Membangun narasi kebijakan provinsi di hadapan publik dan DPRD",
                "Menjalin komunikasi strategis dengan pemangku kepentingan nasional",
            ],
        ],
    ),
    (
        "MNJ-05",
        [
            &[
                "Menyapa dan melayani pemohon sesuai standar pelayanan",
                "Mencatat pengaduan dan meneruskannya ke petugas berwenang",
            ],
            &[
                "Menjawab pengaduan SP4N-LAPOR! dalam waktu yang dijanjikan",
                "Menjelaskan hasil tindak lanjut kepada pelapor",
            ],
            &[
                "Mengelompokkan pengaduan per penyebab setiap bulan",
                "Mengusulkan perbaikan prosedur berdasarkan pola pengaduan",
            ],
            &[
                "Menetapkan standar pelayanan dan maklumatnya",
                "Menjalankan survei kepuasan masyarakat dan menindaklanjuti hasilnya",
            ],
            &[
                "Memadukan layanan lintas instansi dalam satu pintu",
                "Menetapkan target kepuasan masyarakat tingkat provinsi",
            ],
        ],
    ),
];
