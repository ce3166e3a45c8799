//! Behavioural indicators of the managerial competencies and the socio-cultural one, per level:
//! what someone at that level is seen doing (written for Sinergi, not quoted from the rule). The
//! technical ones are in `indicators_technical`. The province can change any of them by importing
//! the dictionary CSV.

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
        "MNJ-02",
        [
            &[
                "Menyelesaikan bagian pekerjaan tim sesuai tenggat yang disepakati",
                "Membagikan informasi dan bahan kerja yang dibutuhkan rekan",
            ],
            &[
                "Menawarkan bantuan kepada rekan yang tertinggal pekerjaannya",
                "Menanggapi pendapat yang berbeda dengan hormat dalam rapat tim",
            ],
            &[
                "Membagi peran dalam tim sesuai kekuatan tiap anggota",
                "Membahas perbedaan pendapat secara terbuka hingga tercapai kesepakatan",
            ],
            &[
                "Membentuk tim kerja lintas bidang untuk program instansi",
                "Menyepakati pembagian peran dengan instansi mitra dalam program bersama",
            ],
            &[
                "Menggalang kemitraan provinsi dengan perguruan tinggi dan dunia usaha",
                "Menyelaraskan kepentingan berbagai lembaga untuk sasaran pembangunan provinsi",
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
        "MNJ-04",
        [
            &[
                "Menyerahkan hasil kerja sesuai tenggat yang ditetapkan atasan",
                "Memeriksa ulang hasil kerjanya sebelum diserahkan",
            ],
            &[
                "Menetapkan target kinerja pribadi di atas capaian sebelumnya",
                "Memantau kemajuan kerjanya sendiri dan segera mengejar ketertinggalan",
            ],
            &[
                "Menetapkan indikator kinerja unit yang dapat diukur",
                "Memperbaiki alur kerja unit yang menghambat pencapaian target",
            ],
            &[
                "Memprioritaskan anggaran instansi pada program yang paling berdampak",
                "Menghentikan kegiatan yang tidak menunjukkan hasil bagi masyarakat",
            ],
            &[
                "Menetapkan sasaran kinerja jangka panjang pemerintah provinsi",
                "Memastikan capaian kinerja seluruh perangkat daerah diukur dan dilaporkan",
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
    (
        "MNJ-06",
        [
            &[
                "Mengikuti pelatihan yang ditugaskan hingga selesai",
                "Menerapkan hal yang dipelajari dalam tugas sehari-hari",
            ],
            &[
                "Menyusun rencana belajar tahunan untuk memenuhi target 20 JP",
                "Berbagi materi pelatihan yang diikutinya dengan rekan kerja",
            ],
            &[
                "Menjadi mentor bagi pegawai baru di unitnya",
                "Memberi umpan balik yang spesifik dan membangun atas hasil kerja rekan",
            ],
            &[
                "Menyusun rencana pengembangan kompetensi unit dari analisis kesenjangan",
                "Memastikan setiap pegawai mendapat kesempatan belajar sesuai kebutuhannya",
            ],
            &[
                "Membangun sistem manajemen talenta aparatur tingkat provinsi",
                "Menjadikan pembelajaran di tempat kerja bagian dari budaya instansi",
            ],
        ],
    ),
    (
        "MNJ-07",
        [
            &[
                "Mengikuti prosedur baru sejak mulai diberlakukan",
                "Mempelajari aplikasi atau aturan baru yang terkait tugasnya",
            ],
            &[
                "Menyesuaikan cara kerjanya dengan cepat saat prosedur berubah",
                "Menjelaskan kepada rekan alasan dan manfaat suatu perubahan",
            ],
            &[
                "Menyusun tahapan penerapan perubahan di unitnya",
                "Mendengarkan keberatan pegawai dan mencari jalan keluar bersama",
            ],
            &[
                "Memimpin peralihan layanan instansi dari manual ke digital",
                "Mengelola dampak perubahan terhadap pegawai dan pengguna layanan",
            ],
            &[
                "Menetapkan agenda reformasi birokrasi pemerintah provinsi",
                "Memastikan perubahan tetap berjalan meski terjadi pergantian pimpinan",
            ],
        ],
    ),
    (
        "MNJ-08",
        [
            &[
                "Memutuskan hal rutin dalam tugasnya sesuai prosedur",
                "Meminta arahan atasan untuk hal di luar kewenangannya",
            ],
            &[
                "Mengumpulkan data yang relevan sebelum memutuskan",
                "Menimbang kelebihan dan kekurangan beberapa pilihan",
            ],
            &[
                "Memutuskan masalah tidak rutin di unitnya tanpa menunda",
                "Memetakan risiko dan dampak setiap pilihan sebelum memutuskan",
            ],
            &[
                "Mengambil keputusan strategis instansi meski informasinya belum lengkap",
                "Mempertanggungjawabkan keputusannya kepada pimpinan dan publik",
            ],
            &[
                "Melibatkan pemangku kepentingan sebelum menetapkan kebijakan provinsi",
                "Menetapkan kebijakan provinsi dengan menimbang dampak jangka panjang",
            ],
        ],
    ),
    (
        "SK-01",
        [
            &[
                "Menyapa dan melayani setiap orang dengan hormat yang sama",
                "Menghormati ibadah dan hari besar rekan yang berbeda agama",
            ],
            &[
                "Bekerja sama secara baik dengan rekan dari suku dan agama berbeda",
                "Menahan diri dari candaan yang merendahkan kelompok lain",
            ],
            &[
                "Menengahi gesekan antarkelompok di unitnya sebelum meluas",
                "Menegur ucapan bernada SARA di lingkungan kerja",
            ],
            &[
                "Merancang program instansi yang menjangkau semua kelompok masyarakat",
                "Melibatkan tokoh adat dan tokoh agama dalam program instansi",
            ],
            &[
                "Memastikan kebijakan provinsi adil bagi semua kelompok masyarakat",
                "Memprakarsai dialog antarkelompok saat muncul ketegangan di daerah",
            ],
        ],
    ),
];
