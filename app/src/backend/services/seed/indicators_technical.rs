//! Behavioural indicators of the demo technical competencies, per level: what someone at that
//! level is seen doing (written for Sinergi). The managerial and socio-cultural ones are in
//! `indicators`.

/// (competency code, indicators of levels 1 to 5).
pub const TECHNICAL_INDICATORS: &[(&str, [&[&str]; 5])] = &[
    (
        "TEK-DATA-01",
        [
            &[
                "Mengisi formulir pengumpulan data sesuai petunjuk pengisian",
                "Memeriksa kelengkapan isian sebelum data diserahkan",
            ],
            &[
                "Merekap data dengan lembar kerja dan membuang isian ganda",
                "Menyajikan hasil olahan dalam tabel dan grafik sederhana",
            ],
            &[
                "Melengkapi data yang dikelolanya dengan metadata sesuai standar",
                "Menerbitkan data yang lolos pemeriksaan mutu di portal Satu Data",
            ],
            &[
                "Menetapkan standar data dan kode referensi yang dipakai instansi",
                "Merancang alur pertukaran data dengan instansi lain",
            ],
            &[
                "Mengoordinasikan forum Satu Data tingkat provinsi",
                "Menyajikan analisis data sebagai dasar perumusan kebijakan daerah",
            ],
        ],
    ),
    (
        "TEK-SIBER-01",
        [
            &[
                "Memakai kata sandi yang kuat dan tidak membagikannya",
                "Melaporkan surel mencurigakan tanpa membuka tautannya",
            ],
            &[
                "Memasang pembaruan keamanan pada perangkat yang dikelolanya",
                "Menonaktifkan layanan dan akun yang tidak dipakai pada sistemnya",
            ],
            &[
                "Menjalankan pemindaian kerentanan dan menindaklanjuti temuannya",
                "Menangani insiden keamanan di unitnya dan mencatat kronologinya",
            ],
            &[
                "Menyusun kebijakan dan prosedur keamanan informasi instansi",
                "Memimpin tim tanggap insiden siber saat terjadi serangan",
            ],
            &[
                "Menetapkan profil risiko keamanan informasi seluruh perangkat daerah",
                "Mengoordinasikan penanganan insiden siber lintas perangkat daerah",
            ],
        ],
    ),
    (
        "TEK-ARSIP-01",
        [
            &[
                "Mencatat surat masuk dan keluar dalam aplikasi persuratan",
                "Memberi kode klasifikasi pada setiap surat sebelum diberkaskan",
            ],
            &[
                "Menata berkas arsip aktif unit agar mudah ditemukan kembali",
                "Mencatat peminjaman arsip dan menagih pengembaliannya",
            ],
            &[
                "Memindahkan arsip inaktif ke pusat arsip sesuai jadwal retensi",
                "Menyusun daftar arsip inaktif yang lengkap dan akurat",
            ],
            &[
                "Menyusun klasifikasi arsip dan jadwal retensi arsip instansi",
                "Menerapkan pengelolaan arsip elektronik di seluruh unit instansi",
            ],
            &[
                "Melaksanakan pengawasan kearsipan di seluruh perangkat daerah",
                "Memastikan arsip bernilai permanen diserahkan ke lembaga kearsipan daerah",
            ],
        ],
    ),
    (
        "TEK-RENC-01",
        [
            &[
                "Menghimpun usulan kegiatan dari bidang sesuai format yang ditentukan",
                "Memasukkan data rencana kerja ke SIPD sesuai tenggat",
            ],
            &[
                "Merumuskan indikator keluaran kegiatan yang dapat diukur",
                "Menetapkan target kegiatan berdasarkan capaian tahun sebelumnya",
            ],
            &[
                "Menyusun rencana kerja perangkat daerah yang mengacu pada RKPD",
                "Menyelaraskan program Renstra perangkat daerah dengan RPJMD",
            ],
            &[
                "Memimpin penyusunan RKPD bersama perangkat daerah",
                "Mengevaluasi capaian indikator pembangunan dan menyusun rekomendasinya",
            ],
            &[
                "Merumuskan arah kebijakan RPJMD dan RPJPD provinsi",
                "Menyelaraskan prioritas pembangunan provinsi dengan prioritas nasional",
            ],
        ],
    ),
];
