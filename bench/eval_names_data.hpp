// Word lists for the evaluation's own test sets: common given names and surnames of many languages (for
// realistic names that are not listed), company-name words, and the spelling changes a typist or another
// transliteration makes. Used only by eval_names.cpp.
#pragma once

#include <string_view>

namespace eval_data {

struct NamePool {
    std::string_view language;
    std::string_view given;     // space-separated
    std::string_view surnames;  // space-separated; "_" joins the words of one surname ("van_den_Berg")
};

// Ordinary names; none is chosen for resembling a listed party.
inline constexpr NamePool kNamePools[] = {
    {"English", "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard "
                "Susan Thomas Jessica Charles Sarah Christopher Karen Daniel Nancy Matthew Lisa Emily Oliver",
     "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson "
     "Thompson White Harris Clark Lewis Robinson Walker Young Allen Wright Scott Green Baker Hill"},
    {"Spanish", "Jose Maria Juan Carmen Antonio Ana Manuel Isabel Francisco Laura Javier Lucia Carlos Pilar "
                "Alejandro Marta Miguel Elena Rafael Rosa Pedro Sofia Diego Paula",
     "Garcia Rodriguez Gonzalez Fernandez Lopez Martinez Sanchez Perez Gomez Martin Jimenez Ruiz Hernandez "
     "Diaz Moreno Alvarez Romero Navarro Torres Dominguez Vazquez Ramos Gil Serrano"},
    {"Portuguese", "Joao Ana Pedro Beatriz Tiago Mariana Rafael Ines Lucas Gabriela Mateus Larissa Bruno Camila",
     "Silva Santos Oliveira Souza Pereira Costa Ferreira Rodrigues Almeida Nascimento Lima Araujo Carvalho "
     "Gomes Ribeiro Barbosa"},
    {"French", "Jean Marie Pierre Nathalie Michel Isabelle Philippe Sylvie Alain Catherine Nicolas Sophie Julien "
               "Camille Antoine Chloe Mathieu Claire",
     "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia "
     "David Bertrand Roux Vincent Fournier Girard"},
    {"German", "Hans Anna Peter Ursula Klaus Monika Wolfgang Sabine Jurgen Petra Stefan Andrea Thomas Claudia "
               "Michael Katrin Lukas Lea Jonas Hannah Felix",
     "Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf "
     "Schroder Neumann Schwarz Zimmermann Braun Kruger Hofmann Hartmann"},
    {"Italian", "Giuseppe Maria Giovanni Anna Antonio Giulia Francesco Chiara Mario Francesca Luigi Sara Marco "
                "Valentina Alessandro Elena Matteo Alessia",
     "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa Giordano "
     "Mancini Rizzo Lombardi Moretti"},
    {"Dutch", "Jan Anna Pieter Maria Kees Sanne Bram Femke Daan Lotte Sem Eva Thijs Noor",
     "de_Jong Jansen de_Vries van_den_Berg van_Dijk Bakker Visser Smit Meijer de_Boer Mulder de_Groot Bos Vos "
     "Peters Hendriks"},
    {"Polish", "Piotr Anna Krzysztof Maria Andrzej Katarzyna Tomasz Malgorzata Pawel Agnieszka Marcin Barbara "
               "Michal Ewa Jakub Magdalena",
     "Nowak Kowalski Wisniewski Wojcik Kowalczyk Kaminski Lewandowski Zielinski Szymanski Wozniak Dabrowski "
     "Kozlowski Jankowski Mazur"},
    {"Russian", "Aleksandr Elena Sergey Olga Dmitry Tatyana Andrey Natalya Alexey Irina Maxim Svetlana Ivan "
                "Anastasia Nikita Ekaterina Pavel Marina Artem Daria",
     "Smirnov Kuznetsova Popov Vasilieva Sokolov Mikhailova Novikov Fedorova Morozov Volkova Lebedev Kozlova "
     "Egorov Pavlova Stepanov Nikolaeva Orlov Andreeva Makarov Zakharova"},
    {"Ukrainian", "Oleksandr Olena Andriy Iryna Mykola Natalia Serhiy Oksana Volodymyr Yulia Taras Halyna",
     "Melnyk Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Shevchuk Polishchuk Lysenko Marchenko"},
    {"Turkish", "Mehmet Ayse Mustafa Fatma Ahmet Emine Ali Hatice Huseyin Zeynep Hasan Elif Ibrahim Merve Murat "
                "Ozlem Emre Burak",
     "Yilmaz Kaya Demir Sahin Celik Yildiz Yildirim Ozturk Aydin Ozdemir Arslan Dogan Kilic Aslan Cetin Kara "
     "Koc Kurt"},
    {"Arabic", "Omar Layla Youssef Nour Karim Rania Tarek Dina Sami Hala Fadi Reem Nabil Salma Bassam Yasmin "
               "Ziad Hiba Majed Lina",
     "Haddad Khoury Nasser Saleh Aziz Farouk Mansour Hamdan Qureshi Darwish Sabbagh Tamimi Zaidan Bakri Jaber "
     "Shami Hijazi Abboud"},
    {"Persian", "Arash Maryam Babak Shirin Kaveh Leila Dariush Parisa Farhad Nasrin Kamran Niloufar Omid Azadeh",
     "Ahmadi Mohammadi Karimi Rahimi Jafari Sadeghi Moradi Tehrani Shirazi Esfahani Farahani Rostami Kazemi "
     "Heidari Ebrahimi"},
    {"Hindi", "Aarav Priya Rahul Anjali Amit Neha Vikram Pooja Arjun Sneha Rohan Kavya Sanjay Divya Anil Meera "
              "Suresh Lakshmi Rajesh Sunita",
     "Sharma Verma Gupta Singh Kumar Patel Reddy Nair Iyer Mehta Joshi Desai Chopra Kapoor Malhotra Agarwal "
     "Bhatia Saxena Pillai Rao"},
    {"Pakistani and Bangladeshi", "Imran Ayesha Bilal Sana Faisal Hina Kamran Nadia Rizwan Sadia Tanvir Farzana "
                                  "Shahid Nasreen Asif Rubina",
     "Chaudhry Malik Butt Sheikh Rana Siddiqui Mirza Awan Hossain Rahman Akter Chowdhury Islam Begum Sarkar "
     "Talukder"},
    {"Chinese", "Wei Fang Jing Lei Min Yan Jun Li Hua Ming Xiu Ying Hao Yu Chen Lin Tao Qiang Xin Yun",
     "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Song Tang"},
    {"Korean", "Min-jun Seo-yeon Ji-ho Ha-eun Do-yun Ji-woo Ye-jun Su-ah Jun-seo Ye-eun Hyun-woo Da-eun",
     "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong"},
    {"Japanese", "Haruto Yui Sota Hina Yuto Aoi Riku Sakura Kaito Mei Takumi Yuna Hiroshi Keiko Kenji Yuko",
     "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki "
     "Yamaguchi Matsumoto Inoue Kimura Hayashi"},
    {"Vietnamese", "Anh Bao Chau Dung Hai Hanh Hoa Hung Khanh Lan Linh Minh Nam Ngoc Phuong Quang Thanh Thu "
                   "Tuan Vy",
     "Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly"},
    {"Indonesian and Malay", "Budi Siti Agus Dewi Hendra Sri Rudi Wati Joko Rina Eko Ayu Faizal Nurul Hafiz "
                             "Aisyah Irfan Putri",
     "Santoso Wijaya Susanto Pratama Hidayat Saputra Setiawan Kusuma Nugroho Lestari Halim Tan Lim Ismail "
     "Abdullah Rahman Hassan Yusof"},
    {"Filipino", "Jose Maria Juan Ana Mark Kristine John Angelica Paolo Patricia Carlo Joy",
     "Santos Reyes Cruz Bautista Ocampo Garcia Mendoza Torres Tomas Andrada Castillo Flores Villanueva Ramos"},
    {"Nigerian", "Chinedu Ngozi Emeka Amaka Oluwaseun Funmilayo Tunde Chioma Ibrahim Aisha Segun Yetunde "
                 "Obinna Adaeze",
     "Okafor Adeyemi Okonkwo Balogun Eze Nwosu Olawale Abubakar Ogunleye Chukwu Adebayo Obi Nnamdi Bello"},
    {"Swahili", "Baraka Neema Juma Amani Hamisi Zawadi Rehema Bakari Imani Tumaini Faraji Upendo",
     "Mwangi Otieno Kamau Wanjiru Ochieng Njoroge Mutua Kiprop Wambui Odhiambo Mohamed Hassan"},
    {"Greek", "Georgios Maria Dimitrios Eleni Konstantinos Aikaterini Ioannis Vasiliki Nikolaos Sofia",
     "Papadopoulos Georgiou Nikolaou Dimitriou Papadakis Vlachos Oikonomou Karagiannis Makris Alexiou"},
    {"Scandinavian", "Lars Ingrid Erik Astrid Anders Karin Nils Sigrid Magnus Freja Johan Elin",
     "Hansen Johansson Nielsen Andersson Larsen Karlsson Pedersen Nilsson Eriksson Berg Lindqvist Dahl"},
    {"Hebrew", "David Sarah Moshe Rachel Yosef Miriam Avraham Leah Daniel Noa Eitan Tamar",
     "Cohen Levi Mizrahi Peretz Biton Dahan Avraham Friedman Katz Azoulay Shapiro Goldberg"},
    {"Cyrillic script", "Александр Елена Сергей Ольга Дмитрий Татьяна Андрей Наталья Иван Мария",
     "Смирнов Кузнецова Попов Васильева Соколов Михайлова Новиков Федорова Морозов Волкова"},
    {"Arabic script", "عمر ليلى كريم رانيا طارق دينا سامي هالة فادي ريم",
     "حداد خوري ناصر صالح منصور حمدان درويش صباغ تميمي زيدان"},
    {"Greek script", "Γιώργος Μαρία Δημήτρης Ελένη Νίκος Σοφία Κώστας Άννα",
     "Παπαδόπουλος Γεωργίου Νικολάου Δημητρίου Παπαδάκης Βλάχος Οικονόμου"},
};

// Company names: [word] [word] [business] [legal form]; ordinary words, no listed name in mind.
inline constexpr std::string_view kCompanyWords =
    "Blue River Green Valley Silver Oak Golden Bridge Northern Star Bright Future Summit Harbor Pioneer Maple "
    "Coastal Horizon Crystal Lake Evergreen Sunrise Riverside Redwood Atlas Nova Vertex Zenith Orchid Lotus "
    "Falcon Cedar Granite Meadow Aurora Beacon Compass Keystone Liberty Heritage Prairie Sapphire Willow Acme "
    "Apex Bayview Clearwater Dolphin Eagle Fairway Glacier Highland Ironwood Juniper Kingfisher Lakeside "
    "Mountain Oasis Pacifica Quartz Rainbow Seaside Timber Unity Victory Westwind Yellowstone";
inline constexpr std::string_view kCompanyBusiness =
    "Trading Technology Logistics Consulting Software Foods Textiles Furniture Printing Packaging Plastics "
    "Healthcare Dental Bakery Travel Media Design Apparel Cosmetics Garden Auto Parts Hardware Paper Toys "
    "Coffee Dairy Seafood Bicycles Optics Ceramics Glassworks Pharmacy Realty Insurance Accounting Catering";
inline constexpr std::string_view kCompanyForms =
    "Ltd|Co., Ltd.|LLC|Inc.|GmbH|S.A.|Pte Ltd|Sdn Bhd|S.r.l.|B.V.|AB|Oy|Limited|Corporation|OOO|JSC|PLC|"
    "Pty Ltd|S.A. de C.V.|Company Limited";

// Middle names a perturbation may add.
inline constexpr std::string_view kAddedMiddleNames = "Ali Ahmed Maria Jose John Ivan Ibrahim Lee Anne Paul";

// Well-known Chinese companies on no restricted-party list of the default bundle, as registered in Chinese
// characters (issue 16: a Chinese-script name must not meet a listed party by accident).
inline constexpr std::string_view kUnlistedChineseCompanies =
    "阿里巴巴集团控股有限公司 腾讯控股有限公司 百度在线网络技术（北京）有限公司 北京京东世纪贸易有限公司 "
    "美团 网易公司 拼多多 海尔集团公司 珠海格力电器股份有限公司 美的集团股份有限公司 杭州娃哈哈集团有限公司 "
    "贵州茅台酒股份有限公司 青岛啤酒股份有限公司 万科企业股份有限公司 内蒙古蒙牛乳业（集团）股份有限公司 "
    "内蒙古伊利实业集团股份有限公司 安踏体育用品集团有限公司 李宁有限公司 中国平安保险（集团）股份有限公司 "
    "招商银行股份有限公司 顺丰控股股份有限公司 携程集团 吉利汽车控股有限公司 长城汽车股份有限公司 "
    "上海家化联合股份有限公司 农夫山泉股份有限公司 海底捞国际控股有限公司 名创优品 泡泡玛特 "
    "深圳市大族激光科技股份有限公司 广州酷狗计算机科技有限公司";

// Well-known Chinese universities on no restricted-party list of the default bundle, in Chinese characters.
// Universities are where a place and generic words make most of a name: 北京大学 (Peking University) must not
// be taken for 北京航空航天大学 (Beihang University), nor 南京大学 for 南京理工大学.
inline constexpr std::string_view kUnlistedChineseUniversities =
    "北京大学 清华大学 复旦大学 浙江大学 南京大学 武汉大学 中山大学 上海交通大学 厦门大学 山东大学";

// Listed Chinese parties as they write their own names in Chinese characters, and a word of the listed name
// that tells the entry ("National University of Defense Technology" for 国防科技大学). Written for issue 16 while
// the Chinese company words of data/han/company_words.tsv were extended (universities, academies, numbered
// institutes): a regression check, not an independent measure. Brands whose English name is not their
// reading (海康威视 Hikvision, 中兴 ZTE) are kept: no reading can find them, and the figure should say so.
inline constexpr std::string_view kListedChineseOwnNames =
    "国防科技大学|National University of Defense Technology\n"
    "哈尔滨工业大学|Harbin Institute of Technology\n"
    "北京航空航天大学|Beijing University of Aeronautics and Astronautics\n"
    "西北工业大学|Northwestern Polytechnical University\n"
    "中国电子科技集团公司第十四研究所|14th Research Institute\n"
    "华为技术有限公司|Huawei Technologies\n"
    "中芯国际集成电路制造有限公司|Semiconductor Manufacturing International\n"
    "杭州海康威视数字技术股份有限公司|Hikvision\n"
    "浙江大华技术股份有限公司|Dahua\n"
    "曙光信息产业股份有限公司|Shuguang\n"
    "浪潮集团有限公司|Inspur\n"
    "科大讯飞股份有限公司|iFlytek\n"
    "中国科学院计算技术研究所|Institute of Computing Technology\n"
    "天津飞腾信息技术有限公司|Feiteng\n"
    "长江存储科技有限责任公司|Yangtze Memory\n"
    "上海微电子装备（集团）股份有限公司|Shanghai Micro Electronics\n"
    "成都海光集成电路设计有限公司|Haiguang\n"
    "无锡江南计算技术研究所|Jiangnan Institute\n"
    "中国航天科工集团有限公司|China Aerospace Science and Industry\n"
    "中国工程物理研究院|Academy of Engineering Physics\n"
    "北京理工大学|Beijing Institute of Technology\n"
    "南京理工大学|Nanjing University of Science\n"
    "北京旷视科技有限公司|Megvii\n"
    "北京商汤科技开发有限公司|Shangtang\n"
    "云从科技集团股份有限公司|Yun Cong\n"
    "中国电子科技集团公司|China Electronics Technology Group\n"
    "深圳市大疆创新科技有限公司|DJI\n"
    "中兴通讯股份有限公司|ZTE\n"
    "中国船舶重工集团有限公司|China Shipbuilding Industry\n"
    "哈尔滨工程大学|Harbin Engineering University\n"
    "四川大学|Sichuan University\n"
    "中国人民解放军国防科技大学|National University of Defense Technology\n"
    "中科寒武纪科技股份有限公司|Cambricon\n"
    "摩尔线程智能科技（北京）有限责任公司|Moore Threads\n"
    "壁仞科技|Biren\n"
    "上海燧原科技有限公司|Enflame\n"
    "中国移动通信集团有限公司|China Mobile Communications\n";

}  // namespace eval_data
