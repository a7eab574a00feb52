// Cleaning plain text: fixture articles written for Winnow (invented news with the chrome
// real pages carry), in several languages, covering every removal reason code.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <string_view>

#include "winnow/winnow.hpp"

namespace {

// The reason each removed block was given, by its text.
std::map<std::string, std::string> removals(const winnow::Article& a) {
  std::map<std::string, std::string> out;
  for (const auto& r : a.removed) out[r.text] = std::string(winnow::removal_reason_name(r.reason));
  return out;
}

bool kept(const winnow::Article& a, std::string_view text) {
  return winnow::article_text(a).find(text) != std::string::npos;
}

constexpr std::string_view kEnglish = R"(Skip to main content
Home
World
Business
Sport

Council Approves New Cycle Lanes for City Centre

A cyclist rides along the harbour road on Tuesday. Photo: Jane Doe / City Herald

By Anna Weiss
Published 3 June 2024

The city council approved a plan on Tuesday to build twelve kilometres of protected cycle lanes through the centre, after a debate that lasted more than four hours.

Supporters said the lanes would cut traffic and make the streets safer for children, while shop owners warned that removing parking spaces could hurt their business.

"We have waited for this for ten years," said Maria Lopez, who leads a local cycling group.

Construction is expected to begin in September and to be finished by the end of next year.

Share this article
Facebook
Twitter
Copy link

Advertisement

Continue reading

Related
Ferry operators add late sailings for summer season
Bus fares to rise in January

Comments
Leave a comment

We use cookies to improve your experience on our site. Accept all

Subscribe to the City Herald for full access. Already a subscriber? Log in

Sign up for our newsletter and get the day's news in your inbox every morning.

The City Herald is funded by readers like you. Support us today and help keep local journalism alive.

© 2024 City Herald Media. All rights reserved. | Privacy Policy | Terms of Use
)";

}  // namespace

TEST_CASE("clean removes the chrome of an English news page, each block with its reason",
          "[classify]") {
  const winnow::Article a = winnow::clean(kEnglish);
  CHECK(a.title == "Council Approves New Cycle Lanes for City Centre");
  CHECK(a.paragraphs.size() == 4);
  CHECK(kept(a, "The city council approved a plan on Tuesday"));
  CHECK(kept(a, "\"We have waited for this for ten years,\" said Maria Lopez"));
  CHECK(kept(a, "Construction is expected to begin in September"));
  const auto r = removals(a);
  CHECK(r.at("Skip to main content") == "navigation");
  CHECK(r.at("Home") == "navigation");
  CHECK(r.at("A cyclist rides along the harbour road on Tuesday. Photo: Jane Doe / City Herald") ==
        "caption-credit");
  CHECK(r.at("By Anna Weiss") == "byline-dateline");
  CHECK(r.at("Published 3 June 2024") == "byline-dateline");
  CHECK(r.at("Share this article") == "share-bar");
  CHECK(r.at("Advertisement") == "advertisement");
  CHECK(r.at("Continue reading") == "read-more");
  CHECK(r.at("Related") == "related-links");
  CHECK(r.at("Bus fares to rise in January") == "related-links");
  CHECK(r.at("Leave a comment") == "comments");
  CHECK(r.at("We use cookies to improve your experience on our site. Accept all") ==
        "cookie-notice");
  CHECK(r.at("Subscribe to the City Herald for full access. Already a subscriber? Log in") ==
        "subscription");
  CHECK(r.at("Sign up for our newsletter and get the day's news in your inbox every morning.") ==
        "newsletter");
  CHECK(r.at("The City Herald is funded by readers like you. Support us today and help keep local "
             "journalism alive.") == "donation-appeal");
  CHECK(r.at("\xC2\xA9 2024 City Herald Media. All rights reserved. | Privacy Policy | Terms of "
             "Use") == "footer-legal");
  CHECK(a.metadata.byline == "Anna Weiss");
  CHECK(a.metadata.date == "3 June 2024");
}

TEST_CASE("clean removes the chrome of German, French, Spanish and Russian pages", "[classify]") {
  const winnow::Article de = winnow::clean(R"(Stadtbibliothek öffnet neues Lesezentrum am Marktplatz

Die neue Lesehalle im ehemaligen Kaufhaus. Foto: Jonas Weber

Nach zwei Jahren Umbau hat die Stadtbibliothek am Samstag ihr neues Lesezentrum im ehemaligen Kaufhaus am Marktplatz eröffnet.

Auf drei Etagen stehen nun mehr als 60.000 Medien zur Verfügung, darunter eine eigene Abteilung für Kinder und Jugendliche.

Newsletter abonnieren
Die wichtigsten Nachrichten aus der Region jeden Morgen per E-Mail.

Mehr zum Thema
Volkshochschule plant neues Kursprogramm

Impressum | Datenschutz | Kontakt)");
  CHECK(de.title == "Stadtbibliothek öffnet neues Lesezentrum am Marktplatz");
  CHECK(de.paragraphs.size() == 2);
  CHECK(removals(de).at("Die neue Lesehalle im ehemaligen Kaufhaus. Foto: Jonas Weber") ==
        "caption-credit");
  CHECK(removals(de).at("Newsletter abonnieren") == "newsletter");
  CHECK(removals(de).at("Mehr zum Thema") == "related-links");
  CHECK(removals(de).at("Impressum | Datenschutz | Kontakt") == "footer-legal");

  const winnow::Article fr = winnow::clean(R"(La mairie rénove le pont du port

Les travaux de rénovation du pont du port commenceront lundi et dureront six semaines, a annoncé la mairie dans un communiqué.

Pendant cette période, la circulation sera déviée par le centre-ville et les bus changeront d'itinéraire.

Publicité

Lire aussi
Le marché de Noël ouvre ses portes

Partager

Mentions légales)");
  CHECK(fr.paragraphs.size() == 2);
  CHECK(removals(fr).at("Publicité") == "advertisement");
  CHECK(removals(fr).at("Lire aussi") == "related-links");
  CHECK(removals(fr).at("Partager") == "share-bar");
  CHECK(removals(fr).at("Mentions légales") == "footer-legal");

  const winnow::Article es = winnow::clean(R"(Lluvias torrenciales cortan la carretera de la costa

La carretera permanecerá cerrada al menos hasta el jueves después de que las lluvias de la noche del lunes provocaran varios desprendimientos.

Los servicios de emergencia realizaron 45 intervenciones, la mayoría por inundaciones en bajos y garajes.

Compartir en Facebook

Noticias relacionadas
El puerto reabre tras el temporal)");
  CHECK(es.paragraphs.size() == 2);
  CHECK(removals(es).at("Compartir en Facebook") == "share-bar");
  CHECK(removals(es).at("Noticias relacionadas") == "related-links");

  const winnow::Article ru = winnow::clean(R"(В городе открылась новая библиотека

Новая библиотека открылась в субботу в здании бывшего универмага, сообщили в администрации города.

В ней более шестидесяти тысяч книг и отдельный зал для детей и подростков.

Реклама

Читайте также
Музей продлил часы работы

Все права защищены)");
  CHECK(ru.title == "В городе открылась новая библиотека");
  CHECK(ru.paragraphs.size() == 2);
  CHECK(removals(ru).at("Реклама") == "advertisement");
  CHECK(removals(ru).at("Читайте также") == "related-links");
  CHECK(removals(ru).at("Все права защищены") == "footer-legal");
}

TEST_CASE("clean finds menus, bylines and link labels in any language", "[classify]") {
  // Written for Winnow, after the page furniture of German and Spanish news sites.
  const winnow::Article es = winnow::clean(R"(Inicio | Internacional | Economía | Deportes | Opinión

El Gobierno aprueba la subida del salario mínimo a 1.134 euros

Por María López | Madrid | 14 de febrero de 2024

El Consejo de Ministros ha aprobado este martes la subida del salario mínimo interprofesional hasta los 1.134 euros mensuales en catorce pagas.

La ministra de Trabajo defendió que la medida beneficiará a más de dos millones de trabajadores y recordó que el acuerdo cuenta con los sindicatos.

Lee también: Las claves de la reforma de las pensiones

Las organizaciones empresariales, sin embargo, advirtieron de que el aumento podría afectar al empleo en las pequeñas empresas.

Suscríbete a nuestro boletín y recibe las noticias más importantes cada mañana.

Más noticias
El paro baja en enero por primera vez en una década

Este sitio web utiliza cookies propias y de terceros. Aceptar)");
  // A menu line is not the title, whatever comes first.
  CHECK(es.title == "El Gobierno aprueba la subida del salario mínimo a 1.134 euros");
  CHECK(es.paragraphs.size() == 3);
  const auto r = removals(es);
  CHECK(r.at("Inicio | Internacional | Economía | Deportes | Opinión") == "navigation");
  CHECK(r.at("Por María López | Madrid | 14 de febrero de 2024") == "byline-dateline");
  CHECK(r.at("Lee también: Las claves de la reforma de las pensiones") == "related-links");
  CHECK(r.at("Suscríbete a nuestro boletín y recibe las noticias más importantes cada mañana.") ==
        "newsletter");
  CHECK(r.at("Este sitio web utiliza cookies propias y de terceros. Aceptar") == "cookie-notice");

  const winnow::Article de = winnow::clean(R"(Startseite
Politik
Wirtschaft
Sport

Bundestag beschließt neues Klimaschutzgesetz nach langer Debatte

Der Bundestag hat am Freitag nach monatelangem Streit ein überarbeitetes Klimaschutzgesetz verabschiedet. Künftig zählen die Emissionen insgesamt.

Auch lesen: Wie teuer wird das Heizen im nächsten Winter?

Umweltverbände kündigten an, gegen das Gesetz zu klagen. Sie sehen die Vorgaben des Urteils von 2021 nicht erfüllt.

Newsletter abonnieren
Erhalten Sie jeden Morgen die wichtigsten Nachrichten.)");
  CHECK(de.title == "Bundestag beschließt neues Klimaschutzgesetz nach langer Debatte");
  CHECK(removals(de).at("Startseite") == "navigation");
  CHECK(removals(de).at("Sport") == "navigation");  // a menu down the page's edge
  CHECK(removals(de).at("Auch lesen: Wie teuer wird das Heizen im nächsten Winter?") ==
        "related-links");
  // The paragraph after a link label is the article's, not the label's blurb.
  CHECK(kept(de, "Umweltverbände kündigten an"));

  const winnow::Article fr = winnow::clean(R"(Accueil > Société > Éducation

Réforme du bac : ce qui change pour les lycéens dès la rentrée

Par Claire Martin
Publié le 12 mars 2024 à 08h15 Mis à jour le 12 mars 2024 à 10h02

Le ministère de l'Éducation nationale a présenté mardi les grandes lignes de la réforme du baccalauréat, qui entrera en vigueur dès la rentrée prochaine.

Les syndicats, eux, dénoncent une réforme menée dans la précipitation et sans concertation suffisante avec les équipes.)");
  // A long dateline is not the title either.
  CHECK(fr.title == "Réforme du bac : ce qui change pour les lycéens dès la rentrée");
  CHECK(removals(fr).at("Publié le 12 mars 2024 à 08h15 Mis à jour le 12 mars 2024 à 10h02") ==
        "byline-dateline");
  CHECK(removals(fr).at("Accueil > Société > Éducation") == "navigation");
  CHECK(fr.paragraphs.size() == 2);

  // Under a standfirst: a byline and a dateline confirm each other; a caption ends with
  // its credit in parentheses; the ad slot's note goes with the ad.
  const winnow::Article en =
      winnow::clean(R"(City council votes to expand bike lanes across downtown

The plan, approved 7-2, adds 12 miles of protected lanes by 2026.

By Sarah Chen, Staff Writer
Updated 3:45 PM EST, Tue March 12, 2024

Cyclists ride along Main Street on Tuesday. (John Smith/The Daily Herald)

The city council voted on Tuesday to expand protected bike lanes across the downtown core, a move supporters say will make streets safer.

Story continues below advertisement

Opponents argued the lanes would remove hundreds of parking spaces that local businesses depend on.

Apple AirPods Pro

$234.98

$139.00)");
  const auto e = removals(en);
  CHECK(e.at("By Sarah Chen, Staff Writer") == "byline-dateline");
  CHECK(e.at("Updated 3:45 PM EST, Tue March 12, 2024") == "byline-dateline");
  CHECK(e.at("Cyclists ride along Main Street on Tuesday. (John Smith/The Daily Herald)") ==
        "caption-credit");
  CHECK(e.at("Story continues below advertisement") == "advertisement");
  CHECK(kept(en, "The plan, approved 7-2"));
  CHECK(kept(en, "$234.98"));  // prices are not dates

  const winnow::Article ru = winnow::clean(R"(Главная | Новости | Политика | Экономика | Спорт

Госдума приняла закон о продлении срока действия льготной ипотеки

Автор: Иван Петров
12 марта 2024, 14:30

Государственная дума приняла во втором и третьем чтениях закон о продлении программы льготной ипотеки до конца 2025 года.

Читайте также: Центробанк сохранил ключевую ставку

Эксперты ожидают, что спрос на жильё в крупных городах останется высоким в течение всего года.

Подписывайтесь на наш канал в Telegram)");
  CHECK(ru.title == "Госдума приняла закон о продлении срока действия льготной ипотеки");
  CHECK(ru.paragraphs.size() == 2);
  CHECK(removals(ru).at("12 марта 2024, 14:30") == "byline-dateline");
  CHECK(removals(ru).at("Читайте также: Центробанк сохранил ключевую ставку") == "related-links");

  const winnow::Article zh = winnow::clean(R"(首页 | 新闻 | 财经 | 体育 | 娱乐

国务院常务会议部署进一步稳就业措施

来源：新华社 2024年03月12日 10:30

国务院总理主持召开国务院常务会议，部署进一步做好稳就业工作，研究加快发展先进制造业集群的政策措施。

相关新闻：统计局发布最新就业数据

会议要求，各地区各部门要加强协调配合，确保各项政策措施落地见效。

责任编辑：王明)");
  CHECK(zh.title == "国务院常务会议部署进一步稳就业措施");
  CHECK(zh.paragraphs.size() == 2);
  CHECK(removals(zh).at("来源：新华社 2024年03月12日 10:30") == "byline-dateline");
  CHECK(removals(zh).at("相关新闻：统计局发布最新就业数据") == "related-links");

  // Japanese menus are words of a few characters ("ニュース" is one word, not three).
  const winnow::Article ja = winnow::clean(R"(ホーム
ニュース
経済
政府、新たな経済対策を閣議決定
政府は2日の臨時閣議で、物価高への対応を柱とする新たな経済対策を決定した。財政支出は約17兆円に上る。
岸田首相は記者会見で「国民の可処分所得を増やすことが重要だ」と述べた。
関連記事
日銀、金融政策の現状維持を決定
この記事をシェアする)");
  CHECK(ja.title == "政府、新たな経済対策を閣議決定");
  CHECK(ja.paragraphs.size() == 2);
  CHECK(removals(ja).at("ニュース") == "navigation");
  CHECK(removals(ja).at("関連記事") == "related-links");
  CHECK(removals(ja).at("この記事をシェアする") == "share-bar");

  // Dutch and Polish boxes by their own words, inside the article as well as after it.
  const winnow::Article nl = winnow::clean(R"(Kabinet trekt extra geld uit voor woningbouw
Het kabinet trekt de komende vijf jaar 2 miljard euro extra uit voor de bouw van betaalbare woningen, heeft de minister bekendgemaakt.
Lees ook: Huizenprijzen stijgen opnieuw
Volgens de minister moeten er jaarlijks minstens 100.000 nieuwe woningen bij komen om het tekort weg te werken.
Deel dit artikel
Meld je aan voor onze nieuwsbrief)");
  CHECK(nl.paragraphs.size() == 2);
  CHECK(removals(nl).at("Lees ook: Huizenprijzen stijgen opnieuw") == "related-links");
  CHECK(removals(nl).at("Deel dit artikel") == "share-bar");
  CHECK(removals(nl).at("Meld je aan voor onze nieuwsbrief") == "newsletter");
  const winnow::Article pl = winnow::clean(R"(Sejm przyjął ustawę o obniżce podatku
Sejm przyjął w piątek ustawę, która obniża stawkę podatku dochodowego dla najmniej zarabiających.
Czytaj także: Rząd zapowiada nowe programy socjalne
Ustawa trafi teraz do Senatu, który ma 30 dni na jej rozpatrzenie.
Udostępnij
Zapisz się do newslettera)");
  CHECK(pl.paragraphs.size() == 2);
  CHECK(removals(pl).at("Czytaj także: Rząd zapowiada nowe programy socjalne") == "related-links");
  CHECK(removals(pl).at("Udostępnij") == "share-bar");
  CHECK(removals(pl).at("Zapisz się do newslettera") == "newsletter");

  // Turkish capital "İ" lower-cases to "i" for matching ("İlgili Haberler"); Indonesian and
  // Vietnamese boxes by their own words.
  const winnow::Article tr = winnow::clean(R"(Merkez Bankası faizi yüzde 40'a yükseltti
Ana Sayfa
Ekonomi
Türkiye Cumhuriyet Merkez Bankası, politika faizini 500 baz puan artırarak yüzde 40'a çıkardı.
İlgili Haberler
Dolar güne yükselişle başladı
Ekonomistler kararın beklentilerle uyumlu olduğunu ve piyasaların olumlu tepki verdiğini belirtti.
Paylaş)");
  CHECK(tr.paragraphs.size() == 2);
  CHECK(removals(tr).at("İlgili Haberler") == "related-links");
  CHECK(removals(tr).at("Ana Sayfa") == "navigation");
  const winnow::Article id = winnow::clean(R"(Pemerintah umumkan kenaikan harga BBM mulai besok
Pemerintah resmi mengumumkan kenaikan harga bahan bakar minyak bersubsidi yang akan berlaku mulai besok.
Baca juga: Harga emas hari ini turun tipis
Sejumlah serikat buruh menolak kebijakan tersebut dan berencana menggelar aksi unjuk rasa pekan depan.
Bagikan artikel ini
Hak cipta dilindungi undang-undang)");
  CHECK(id.paragraphs.size() == 2);
  CHECK(removals(id).at("Baca juga: Harga emas hari ini turun tipis") == "related-links");
  CHECK(removals(id).at("Bagikan artikel ini") == "share-bar");
  const winnow::Article vi = winnow::clean(R"(Chính phủ công bố gói hỗ trợ doanh nghiệp mới
Trang chủ
Chính phủ vừa công bố gói hỗ trợ trị giá 50.000 tỷ đồng nhằm giúp các doanh nghiệp nhỏ và vừa vượt qua khó khăn.
Xem thêm: Giá vàng hôm nay tăng mạnh
Theo Bộ Tài chính, gói hỗ trợ sẽ được triển khai từ đầu tháng tới và kéo dài trong hai năm.
Chia sẻ)");
  CHECK(vi.paragraphs.size() == 2);
  CHECK(removals(vi).at("Xem thêm: Giá vàng hôm nay tăng mạnh") == "related-links");
  CHECK(removals(vi).at("Chia sẻ") == "share-bar");

  // A link label above the headline does not make the headline a link.
  const winnow::Article nyt = winnow::clean(
      "Continue reading the main story\nSupported by\nDrought Forces Farmers in Spain to Leave "
      "Fields Unplanted\nBy Raphael Minder\nMarch 14, 2024\nSEVILLE, Spain \xE2\x80\x94 For the "
      "first time in three generations, Antonio Ruiz left his fields unplanted this spring.\nThe "
      "reservoir that feeds his irrigation channels is at 18 percent of capacity.\n");
  CHECK(nyt.title == "Drought Forces Farmers in Spain to Leave Fields Unplanted");
  CHECK(removals(nyt).at("By Raphael Minder") == "byline-dateline");
  CHECK(nyt.paragraphs.size() == 2);

  // "di" begins Italian bylines, but "Di Maio" is a name.
  const winnow::Article it = winnow::clean(
      "Di Maio lascia il partito dopo dieci anni\n\ndi Marco Rossi\n\nL'ex ministro ha annunciato "
      "oggi le sue dimissioni dal partito, dopo un lungo confronto con la segreteria.\n\nLa "
      "decisione arriva a pochi mesi dalle elezioni europee, secondo fonti vicine al partito.\n");
  CHECK(it.title == "Di Maio lascia il partito dopo dieci anni");
  CHECK_FALSE(kept(it, "di Marco Rossi"));

  // A kicker above the headline is a label, not the title.
  const winnow::Article kicker = winnow::clean(
      "ANALYSIS\n\nWhy the central bank held rates, and what comes next\n\nThe central bank kept "
      "its benchmark rate unchanged on Thursday, citing sticky inflation in services.\n\nGovernor "
      "Elena Park said the board would need several more months of evidence.\n");
  CHECK(kicker.title == "Why the central bank held rates, and what comes next");
  CHECK(removals(kicker).at("ANALYSIS") == "navigation");

  // A headline that starts like a byline is still the title.
  const winnow::Article numbers = winnow::clean(
      "By The Numbers: How Voters Turned Out\n\nTurnout reached 68 percent on Sunday, the "
      "highest in two decades, the electoral commission said.\n\nYoung voters made up a larger "
      "share than in any election since 1990.\n");
  CHECK(numbers.title == "By The Numbers: How Voters Turned Out");

  // Counts are data, not menu labels; a title with its section and site is a title.
  const winnow::Article poll = winnow::clean(
      "Harbour Tunnel Reopens | City News | The Herald\n\nThe harbour tunnel reopened on "
      "Monday after three months of repairs, the transport department said.\n\nDid you use "
      "the tunnel?\n\n61 votes\n\n12 votes\n\n30 votes\n");
  CHECK(poll.title == "Harbour Tunnel Reopens");
  CHECK(kept(poll, "61 votes"));
}

TEST_CASE("clean takes the site's name after a dash off a title the page repeats", "[classify]") {
  const winnow::Article it = winnow::clean(
      "Roma, inaugurata la nuova linea C della metropolitana - Corriere della Sera\nHome\n"
      "Cronache\nPolitica\nRoma, inaugurata la nuova linea C della metropolitana\ndi Luca "
      "Bianchi\nDopo oltre quindici anni di lavori è stata inaugurata sabato la tratta della "
      "linea C che collega San Giovanni al Colosseo.\nLe prime corse per i passeggeri "
      "partiranno lunedì mattina, con un treno ogni nove minuti.\n");
  CHECK(it.title == "Roma, inaugurata la nuova linea C della metropolitana");
  CHECK(it.metadata.site == "Corriere della Sera");
  CHECK(removals(it).at("Roma, inaugurata la nuova linea C della metropolitana") == "title-repeat");
  // Without the repeat, a dash is the headline's own.
  const winnow::Article kremlin = winnow::clean(
      "Putin Discusses Gaza With Erdogan \xE2\x80\x93 Kremlin\nRussian President Vladimir "
      "Putin discussed the situation in Gaza with Recep Tayyip Erdogan on Tuesday, the Kremlin "
      "said.\nThe two leaders called for an immediate ceasefire and a return to talks.\n");
  CHECK(kremlin.title == "Putin Discusses Gaza With Erdogan \xE2\x80\x93 Kremlin");
  // The title line with its site comes first, above a longer glued line of menus and stamps.
  const winnow::Article cnn = winnow::clean(
      "Fed holds rates steady, signals cuts later this year | CNN Business\nSkip to main "
      "contentMenuSearchPoliticsBusinessHealthLive TVSign inBusiness/MarketsBy Alicia Wallace, "
      "CNNUpdated 2:45 PM EST, Wed March 20, 2024Link Copied\nThe Federal Reserve held its "
      "benchmark interest rate steady on Wednesday for the fifth consecutive meeting.\n"
      "Inflation has cooled significantly from its peak in 2022, but it remains above the "
      "Fed's 2% target.\n");
  CHECK(cnn.title == "Fed holds rates steady, signals cuts later this year");
  CHECK(cnn.metadata.site == "CNN Business");
  CHECK(cnn.paragraphs.size() == 2);
}

TEST_CASE("clean removes a caption by its agency credit, wherever it stands", "[classify]") {
  const winnow::Article a = winnow::clean(
      "Fed holds rates steady\nThe Federal Reserve held its benchmark interest rate steady on "
      "Wednesday for the fifth consecutive meeting.\nFederal Reserve Chair Jerome Powell speaks "
      "during a news conference in Washington, DC, on March 20, 2024. Kevin Dietsch/Getty "
      "Images\nInflation has cooled significantly from its peak in 2022, but it remains above "
      "the target.\nThe bank meets again in May, and markets expect a cut by the summer. AC/DC "
      "fans were not impressed\n");
  CHECK(removals(a).at("Federal Reserve Chair Jerome Powell speaks during a news conference in "
                       "Washington, DC, on March 20, 2024. Kevin Dietsch/Getty Images") ==
        "caption-credit");
  // A slash in words that are not all capitalised is no credit.
  CHECK(kept(a, "AC/DC fans were not impressed"));
  CHECK(a.paragraphs.size() == 3);

  // Other forms: a label, brackets, a camera; and a list of names with slashes, kept.
  const winnow::Article b = winnow::clean(
      "Wildfires force thousands to flee in Greece\nThousands of people were evacuated on "
      "Sunday as wildfires spread across the island of Rhodes, officials said.\nA tourist "
      "carries her luggage. (Photo by Angelos Tzortzinis/AFP via Getty Images)\nThe fire "
      "brigade said more than 250 firefighters were involved in the operation.\nSmoke rises "
      "over the hills. Image: Reuters\nAuthorities said no deaths had been reported so far "
      "on the island.\n\xF0\x9F\x93\xB7 AFP\nQualified: Scotland, Norway, "
      "Bulgaria/Israel/Hungary\nThe government has declared a state of emergency in the "
      "affected areas.\n");
  const auto r = removals(b);
  CHECK(r.at("A tourist carries her luggage. (Photo by Angelos Tzortzinis/AFP via Getty "
             "Images)") == "caption-credit");
  CHECK(r.at("Smoke rises over the hills. Image: Reuters") == "caption-credit");
  CHECK(r.at("\xF0\x9F\x93\xB7 AFP") == "caption-credit");
  CHECK(kept(b, "Qualified: Scotland, Norway, Bulgaria/Israel/Hungary"));
  CHECK(b.paragraphs.size() == 5);
}

TEST_CASE("clean removes the text of players and embeds, and keeps the quoted post", "[classify]") {
  const winnow::Article a = winnow::clean(
      "Factory fire forces evacuation in Ohio town\nListen to this article \xC2\xB7 4 min\nA "
      "large fire broke out at a chemical factory on Friday, forcing hundreds of residents to "
      "leave their homes.\nMassive fire at the plant right now pic.twitter.com/abc123XYZ\n"
      "\xE2\x80\x94 Jane Doe (@janedoe) October 10, 2023\nOfficials said there were no "
      "immediate reports of injuries, but urged residents to keep their windows closed.\nView "
      "this post on Instagram\nA post shared by Ohio News (@ohionews)\nPlay Video\nThe cause "
      "of the fire is under investigation, the state fire marshal said.\nWatch: Drone footage "
      "shows the scale of the blaze\n");
  const auto r = removals(a);
  CHECK(r.at("Listen to this article \xC2\xB7 4 min") == "navigation");
  CHECK(r.at("View this post on Instagram") == "social-embed");
  CHECK(r.at("A post shared by Ohio News (@ohionews)") == "social-embed");
  CHECK(r.at("Play Video") == "navigation");
  CHECK(r.at("Watch: Drone footage shows the scale of the blaze") == "related-links");
  // The post itself is what the story quotes: kept unless the recall bias is asked for.
  CHECK(kept(a, "Massive fire at the plant right now"));
  CHECK(a.paragraphs.size() == 5);
}

TEST_CASE("clean removes paywall meters, tag lists and feedback widgets", "[classify]") {
  const winnow::Article a = winnow::clean(
      "City council approves new bike lanes\nTopics: Transport, Cities, Climate\nThe city "
      "council voted 9-2 on Tuesday to build 40 kilometres of protected bike lanes over the "
      "next three years.\nYou have 2 free articles remaining this month. Subscribe for "
      "unlimited access.\nSupporters said the network would make cycling safer for children "
      "and older residents.\nCorrection: An earlier version of this article misstated the "
      "length of the network.\nTags: bike lanes, city council, transport\nWas this article "
      "helpful? Yes No\nReport an error\n");
  const auto r = removals(a);
  CHECK(r.at("Topics: Transport, Cities, Climate") == "navigation");
  CHECK(r.at("You have 2 free articles remaining this month. Subscribe for unlimited access.") ==
        "subscription");
  CHECK(r.at("Tags: bike lanes, city council, transport") == "navigation");
  CHECK(r.at("Was this article helpful? Yes No") == "navigation");
  CHECK(r.at("Report an error") == "navigation");
  CHECK(kept(a, "Correction: An earlier version of this article misstated"));
  CHECK(a.paragraphs.size() == 3);

  // A box's phrase in a long paragraph that speaks to the reader is service journalism, not
  // the box: a box is short.
  const winnow::Article how_to = winnow::clean(
      "How to apply for the new energy rebate\nThe government opened applications for the "
      "energy rebate on Monday, and officials expect more than two million households to "
      "apply.\nTo apply, you sign in to the tax portal with your usual details, open the "
      "rebates page and fill in the short form, which asks for your meter number, your "
      "supplier and the bank account the money should be paid into; the rebate is then paid "
      "within about six weeks.\nApplications close at the end of March.\n");
  CHECK(kept(how_to, "To apply, you sign in to the tax portal"));
}

TEST_CASE("clean removes the chrome sentences of an article flattened onto one line",
          "[classify]") {
  const std::string body =
      "Tens of thousands of homes in Cornwall have been left without power after Storm Ciaran "
      "brought gusts of more than 100mph. The Met Office issued a rare red warning for Jersey, "
      "where a gust of 104mph was recorded at the airport overnight. National Grid said about "
      "10,000 properties were without electricity on Thursday morning. \"Our engineers are "
      "working as fast as they safely can,\" a spokesperson said. Schools across the region "
      "were closed.";
  REQUIRE(body.size() < 600);  // alone, a paragraph, which is not split
  const winnow::Article a =
      winnow::clean(body +
                    " Sign up for our newsletter to get the latest news in your inbox. Share this "
                    "article on Facebook Twitter WhatsApp. Copyright 2023 Daily Post. All rights "
                    "reserved.");
  // The article's sentences are one paragraph again, as they were.
  REQUIRE(a.paragraphs.size() == 1);
  CHECK(a.paragraphs[0] == body);
  const auto r = removals(a);
  CHECK(r.at("Sign up for our newsletter to get the latest news in your inbox.") == "newsletter");
  CHECK(r.at("Share this article on Facebook Twitter WhatsApp.") == "share-bar");
  CHECK(r.at("All rights reserved.") == "footer-legal");
}

TEST_CASE("clean keeps a brief's short last sentences before the chrome", "[classify]") {
  const winnow::Article a = winnow::clean(
      "BREAKING: Earthquake hits central Italy\nHome\nWorld\nA 5.8 magnitude earthquake "
      "struck central Italy on Monday.\nNo casualties have been reported.\nThe quake was felt "
      "in Rome.\nSchools were evacuated as a precaution.\nShare\nTweet\n");
  CHECK(kept(a, "The quake was felt in Rome."));
  CHECK(kept(a, "Schools were evacuated as a precaution."));
  CHECK(a.paragraphs.size() == 4);
  CHECK(removals(a).at("Tweet") == "share-bar");
}

TEST_CASE("clean splits a flattened Chinese article at its full stops, and joins it back",
          "[classify]") {
  const std::string body =
      "国务院常务会议26日召开，部署进一步稳经济的一揽子政策措施，包括加大基础设施投资和支持中小企业"
      "发展。会议指出，当前经济恢复基础尚不稳固，需要采取更有力的措施稳定就业和物价。专家表示，这些"
      "措施有助于提振市场信心，推动经济持续回升向好。分析人士认为，下半年经济有望继续保持回升态势，"
      "消"
      "费和投资将成为主要动力。“我们对前景充满信心。”一位官员说。各地区各部门要加强协调配合，确保各"
      "项政策措施落地见效。";
  const winnow::Article a = winnow::clean(body + "责任编辑：王明。版权所有 新华网。");
  REQUIRE(a.paragraphs.size() == 1);
  CHECK(a.paragraphs[0] == body);  // no space where there was none
  CHECK(removals(a).at("版权所有 新华网。") == "footer-legal");
}

TEST_CASE("clean keeps the article going on after an inline box", "[classify]") {
  // A newsletter line inside the article, then a paragraph of the article and the share bar:
  // the paragraph is not the box's blurb, though it is short and between two chrome blocks.
  const winnow::Article es = winnow::clean(
      "El Gobierno aprueba la subida del salario mínimo\n\nEl Consejo de Ministros ha aprobado "
      "este martes la subida del salario mínimo un 5% hasta los 1.134 euros al mes.\n\nLa "
      "patronal no ha respaldado el acuerdo, que sí han firmado los sindicatos.\n\nLee "
      "también\n\n¿Cuánto cobrarás con la nueva subida?\n\nSuscríbete a nuestra "
      "newsletter\n\nLa medida beneficiará a unos 2,5 millones de personas, la mayoría mujeres "
      "y jóvenes, según los cálculos del ministerio.\n\nCompartir en Facebook Compartir en "
      "Twitter\n");
  CHECK(kept(es, "La medida beneficiará a unos 2,5 millones de personas"));
  // A line of four words that names its box with one word and speaks to the reader.
  CHECK(removals(es).at("Suscríbete a nuestra newsletter") == "newsletter");
  CHECK(removals(es).at("Compartir en Facebook Compartir en Twitter") == "share-bar");
}

TEST_CASE("clean takes the headline above a standfirst without a full stop as the title",
          "[classify]") {
  // Russian sites set the standfirst as a headline, without a full stop, and it is longer
  // than the headline: it is not the title, nor a menu, but the start of the article.
  const winnow::Article ru = winnow::clean(
      "Главное\nНовости\nПолитика\nЭкономика\n\nЦентробанк сохранил ключевую ставку на уровне "
      "16%\n\nРегулятор указал на замедление инфляции, но не исключил ужесточения политики в "
      "будущем\n\n22 ноября 2026, 13:30\n\nБанк России на заседании в пятницу сохранил ключевую "
      "ставку на уровне 16% годовых. Решение совпало с ожиданиями большинства аналитиков.\n\n"
      "Аналитики ожидают, что снижение ставки может начаться не раньше весны.\n");
  CHECK(ru.title == "Центробанк сохранил ключевую ставку на уровне 16%");
  REQUIRE(!ru.paragraphs.empty());
  CHECK(ru.paragraphs[0].starts_with("Регулятор указал на замедление инфляции"));
  CHECK(removals(ru).at("Политика") == "navigation");
}

TEST_CASE("clean reads \"US\" in capitals as the country, not as the reader", "[classify]") {
  // Next to a newsletter box, a last paragraph that spoke to the reader would be its blurb.
  const winnow::Article a = winnow::clean(
      "Aid convoy reaches northern Gaza\n\nA convoy of 40 trucks reached northern Gaza on "
      "Monday, the United Nations said, the first to arrive in two weeks.\n\nOfficials said more "
      "convoys would follow if the crossing stays open.\n\nThe convoy was paid for by the US "
      "and Britain, officials said on Monday.\n\nSign up for our newsletter\n");
  CHECK(kept(a, "The convoy was paid for by the US and Britain"));
  CHECK(removals(a).at("Sign up for our newsletter") == "newsletter");
  // A block all in capitals still speaks to the reader.
  const winnow::Article shout = winnow::clean(
      "Aid convoy reaches northern Gaza\n\nA convoy of 40 trucks reached northern Gaza on "
      "Monday, the United Nations said, the first to arrive in two weeks.\n\nOfficials said more "
      "convoys would follow if the crossing stays open.\n\nPLEASE HELP US KEEP OUR REPORTING "
      "FREE FOR EVERYONE WHO NEEDS IT.\n\nSign up for our newsletter\n");
  CHECK(!kept(shout, "PLEASE HELP US"));
}

TEST_CASE("clean removes the stamps under a title and its standfirst, relative ones too",
          "[classify]") {
  const winnow::Article tr = winnow::clean(
      "Ana Sayfa\nGündem\nEkonomi\n\nMerkez Bankası faizi sabit tuttu\n\nMerkez Bankası Para "
      "Politikası Kurulu, politika faizini yüzde 50 seviyesinde sabit bıraktı.\n\n22.11.2026 "
      "14:05 Güncelleme: 22.11.2026 14:30\n\nKurul, enflasyonun ana eğiliminde düşüş "
      "sinyalleri görüldüğünü, ancak sıkı para politikası duruşunun sürdürüleceğini "
      "açıkladı.\n");
  CHECK(tr.title == "Merkez Bankası faizi sabit tuttu");
  CHECK(removals(tr).at("22.11.2026 14:05 Güncelleme: 22.11.2026 14:30") == "byline-dateline");
  CHECK(tr.paragraphs.size() == 2);

  const winnow::Article live = winnow::clean(
      "Storm Bert live: Thousands without power as flood warnings issued\n\nUpdated 2 minutes "
      "ago\n\nNational Grid says around 30,000 homes are without electricity, mostly in "
      "Cornwall and Devon.\n\nThe Environment Agency has asked people not to drive through "
      "flood water.\n");
  CHECK(removals(live).at("Updated 2 minutes ago") == "byline-dateline");
  CHECK(live.paragraphs.size() == 2);
  // A number and a unit inside prose are not a stamp.
  CHECK(kept(live, "around 30,000 homes"));
}

TEST_CASE("clean keeps an interview's questions under its byline and date", "[classify]") {
  const winnow::Article a = winnow::clean(
      "Culture\nBooks\n\n'I write to find out what I think': Ali Smith on her new novel\n\nThe "
      "Scottish author talks about seasons, silence and why she still writes by hand.\n\n"
      "Interview by Tom Reed\nSat 21 Nov 2026 09.00 GMT\n\nYou have written about every season "
      "now. Why return to winter?\n\nWinter keeps asking questions. It is the season when you "
      "can see the shape of things, the trees without their leaves.\n\nDo you plan your "
      "books?\n\nNever. I write to find out what I think. If I knew the ending, I would be "
      "bored before I started.\n");
  CHECK(a.title == "'I write to find out what I think': Ali Smith on her new novel");
  const auto r = removals(a);
  CHECK(r.at("Interview by Tom Reed") == "byline-dateline");
  CHECK(r.at("Sat 21 Nov 2026 09.00 GMT") == "byline-dateline");
  CHECK(r.at("Culture") == "navigation");
  CHECK(kept(a, "You have written about every season now. Why return to winter?"));
  CHECK(kept(a, "Do you plan your books?"));
}

TEST_CASE("clean takes a headline that asks for the title, over the section above it",
          "[classify]") {
  const std::string body =
      "\n\nInvestors are nervous as bond yields rise across southern Europe, and the central "
      "bank has signalled it may act.\n\nAnalysts said the pressure could ease if inflation falls "
      "faster than expected in the coming months.\n";
  const winnow::Article short_one = winnow::clean("World\n\nIs the euro in trouble again?" + body);
  CHECK(short_one.title == "Is the euro in trouble again?");
  CHECK(removals(short_one).at("World") == "navigation");
  // Long enough to be judged a sentence of prose.
  const winnow::Article long_one = winnow::clean(
      "World\n\nWill the central bank raise interest rates again before the end of the year?" +
      body);
  CHECK(long_one.title ==
        "Will the central bank raise interest rates again before the end of the year?");
  CHECK(long_one.paragraphs.size() == 2);
}

TEST_CASE("clean cuts a source's name off the title when the text names it as a source",
          "[classify]") {
  const winnow::Article a = winnow::clean(
      "Fed holds rates steady as inflation cools - Reuters\n\nWASHINGTON, Nov 22 (Reuters) - "
      "The Federal Reserve held interest rates steady on Wednesday, as expected, and signalled "
      "that cuts could come next year.\n\nThe chair said the committee would watch the data "
      "closely.\n");
  CHECK(a.title == "Fed holds rates steady as inflation cools");
  CHECK(a.metadata.site == "Reuters");
  // A tail the text does not name as a source is the headline's own.
  const winnow::Article own = winnow::clean(
      "Storm hits the coast - again\n\nA second storm in a week brought gusts of 120 km/h to "
      "the coast on Tuesday, cutting power to thousands of homes.\n\nForecasters said the "
      "wind would ease by Thursday.\n");
  CHECK(own.title == "Storm hits the coast - again");
}

TEST_CASE("clean removes an author's note, feedback links and a popular list under a story",
          "[classify]") {
  const winnow::Article a = winnow::clean(
      "Canada's inflation rate falls to 2.1% in October\n\nCanada's annual inflation rate fell "
      "to 2.1 per cent in October, down from 2.4 per cent the month before, Statistics Canada "
      "said Tuesday.\n\nGrocery prices rose 3.8 per cent, the fastest annual increase since last "
      "fall, said Royce Mendes, an economist at Desjardins.\n\nJane Tremblay is a senior reporter "
      "with CBC News based in Ottawa. She covers the economy. You can reach her at "
      "jane.tremblay@cbc.ca.\n\nCorrections and clarifications | Submit a news tip | Report "
      "error\nPopular Now in News\n1. Canada Post strike: What you need to know\n2. Ottawa "
      "announces new housing plan\n");
  CHECK(a.paragraphs.size() == 2);
  const auto r = removals(a);
  CHECK(r.at("Jane Tremblay is a senior reporter with CBC News based in Ottawa. She covers the "
             "economy. You can reach her at jane.tremblay@cbc.ca.") == "byline-dateline");
  CHECK(r.at("Popular Now in News") == "related-links");
  CHECK(r.at("2. Ottawa announces new housing plan") == "related-links");
  // A sentence about a reporter is the story's.
  CHECK(kept(a, "said Royce Mendes, an economist at Desjardins"));
  // A story about a reporter may end on the words of a note: without the byline's name or a
  // way to reach its author, it is the story's last paragraph.
  const winnow::Article story = winnow::clean(
      "Reporter freed after a year in detention\n\nBy Tom Reed\n\nThe American reporter "
      "was released on Thursday after more than a year in detention, his newspaper said.\n\n"
      "His family thanked the diplomats who negotiated his release over several months.\n\n"
      "Evan Miller is a reporter for the Daily Courier, where he has worked since 2015.\n");
  CHECK(kept(story, "Evan Miller is a reporter for the Daily Courier"));
  const winnow::Article signed_note = winnow::clean(
      "Reporter freed after a year in detention\n\nBy Tom Reed\n\nThe American reporter "
      "was released on Thursday after more than a year in detention, his newspaper said.\n\n"
      "His family thanked the diplomats who negotiated his release over several months.\n\n"
      "Tom Reed is a correspondent for the Daily Courier in Berlin.\n");
  CHECK(!kept(signed_note, "Tom Reed is a correspondent"));
}

TEST_CASE("clean reads a paragraph that ends with emoji as ending its sentence", "[classify]") {
  const winnow::Article a = winnow::clean(
      "Путин провел телефонный разговор с Эрдоганом\n\nПрезиденты обсудили ситуацию на Ближнем "
      "Востоке, сообщили в Кремле.\n\nЛидеры также договорились продолжить контакты. 👍 🇷🇺\n\n"
      "Поделиться\n");
  CHECK(kept(a, "Лидеры также договорились продолжить контакты. 👍 🇷🇺"));
  CHECK(removals(a).at("Поделиться") == "share-bar");
}

TEST_CASE("clean keeps a subheading after a read-more line that carries its link", "[classify]") {
  const winnow::Article a = winnow::clean(
      "Central bank holds rates as inflation cools\n\nThe central bank held its key interest "
      "rate at 4.5 per cent on Wednesday, as expected by most economists.\n\nRead more: Why "
      "mortgage rates are still rising\n\nWhat economists expect next\n\nMost economists "
      "expect the first cut to come in the spring, once inflation is back near the target.\n");
  CHECK(removals(a).at("Read more: Why mortgage rates are still rising") == "related-links");
  CHECK(kept(a, "What economists expect next"));
}

TEST_CASE("clean reads a menu run together, a caption glued to its credit and a time stamp",
          "[classify]") {
  const winnow::Article a = winnow::clean(
      "Skip to contentSkip to site indexSearch & Section Navigation\n\nStorm Batters Coastal "
      "Towns, Leaving Thousands Without Power\n\nResidents walked through flooded streets on "
      "Tuesday.Credit...Maria Lopez for The New York Times\n\nBy Daniel Kim\nUpdated 6:40 p.m. "
      "ET\n\nA powerful storm slammed into the Gulf Coast on Tuesday, flooding coastal towns and "
      "knocking out power to more than 200,000 homes.\n\nForecasters expected the storm to "
      "weaken as it moved inland on Wednesday.\n");
  CHECK(a.title == "Storm Batters Coastal Towns, Leaving Thousands Without Power");
  CHECK(a.paragraphs.size() == 2);
  const auto r = removals(a);
  CHECK(r.at("Skip to contentSkip to site indexSearch & Section Navigation") == "navigation");
  CHECK(r.at("Residents walked through flooded streets on Tuesday.") == "caption-credit");
  CHECK(r.at("Credit...Maria Lopez for The New York Times") == "caption-credit");
  CHECK(r.at("Updated 6:40 p.m. ET") == "byline-dateline");
}

TEST_CASE("clean counts Korean words by its spaces, and reads its stamps and footer",
          "[classify]") {
  const winnow::Article a = winnow::clean(
      "연합뉴스\n전체메뉴\n검색\n\n한국은행 기준금리 인하\n\n송고시간 2026-11-22 10:03\n\n"
      "금통위는 이날 회의에서 경기 둔화 우려와 물가 안정세를 고려해 이같이 결정했다고 밝혔다.\n\n"
      "이창용 한은 총재는 기자간담회에서 내수 회복이 더딘 상황이라고 설명했다.\n\n"
      "<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>\n2026/11/22 10:03 송고\n");
  CHECK(a.title == "한국은행 기준금리 인하");
  CHECK(a.paragraphs.size() == 2);
  const auto r = removals(a);
  CHECK(r.at("연합뉴스") == "navigation");  // a menu of short labels, as in any language
  CHECK(r.at("송고시간 2026-11-22 10:03") == "byline-dateline");
  CHECK(r.at("<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>") == "footer-legal");
}

TEST_CASE("clean reads Thai paragraphs as prose though they end without a full stop",
          "[classify]") {
  const winnow::Article a = winnow::clean(
      "หน้าแรก\nข่าว\nเศรษฐกิจ\n\nธนาคารแห่งประเทศไทยคงอัตราดอกเบี้ยนโยบายไว้ที่ร้อยละ 2.25\n\n"
      "คณะกรรมการนโยบายการเงินมีมติเป็นเอกฉันท์ให้คงอัตราดอกเบี้ยนโยบายไว้ที่ร้อยละ 2.25 ต่อปี "
      "โดยประเมินว่าเศรษฐกิจไทยมีแนวโน้มขยายตัวต่อเนื่อง\n\nผู้ว่าการธนาคารแห่งประเทศไทยกล่าวว่า "
      "อัตราเงินเฟ้อทั่วไปมีแนวโน้มกลับเข้าสู่กรอบเป้าหมายในปีหน้า และคณะกรรมการจะติดตามพัฒนาการของ"
      "เศรษฐกิจอย่างใกล้ชิด\n\nแชร์\nเฟซบุ๊ก\n");
  // A number with a decimal point at the end of a headline is no web address, either.
  CHECK(a.title == "ธนาคารแห่งประเทศไทยคงอัตราดอกเบี้ยนโยบายไว้ที่ร้อยละ 2.25");
  CHECK(a.paragraphs.size() == 2);
  CHECK(removals(a).at("ข่าว") == "navigation");
  CHECK(removals(a).at("แชร์") == "share-bar");
}

TEST_CASE("clean takes the section names above a title for navigation", "[classify]") {
  const winnow::Article a = winnow::clean(
      "Travel\nDestinations\n\nFive quiet islands to visit this winter\n\nFrom the Hebrides "
      "to the Azores, these islands are at their best when the crowds have gone.\n\n1. Gozo, "
      "Malta\nMalta's little sister has empty beaches in December and some of the best diving "
      "in the Mediterranean.\n");
  CHECK(a.title == "Five quiet islands to visit this winter");
  CHECK(removals(a).at("Travel") == "navigation");
  CHECK(kept(a, "1. Gozo, Malta"));
}

TEST_CASE("clean reads Ukrainian and Hindi pages", "[classify]") {
  const winnow::Article uk = winnow::clean(
      "Головна\nНовини\nПолітика\n\nУряд ухвалив бюджет на наступний рік\n\n22 листопада "
      "2026, 15:40\n\nВидатки на оборону становитимуть понад половину всіх видатків "
      "державного бюджету, повідомив міністр фінансів.\n\nЧитайте також: Як зміняться пенсії з "
      "1 січня\n\nЗа словами міністра, дефіцит бюджету буде профінансовано переважно за рахунок "
      "міжнародної допомоги.\n\nПідписуйтесь на наш Telegram-канал\nПоділитися\nУсі права "
      "захищені. Використання матеріалів дозволяється за умови посилання на сайт.\n");
  CHECK(uk.title == "Уряд ухвалив бюджет на наступний рік");
  CHECK(uk.paragraphs.size() == 2);
  const auto r = removals(uk);
  CHECK(r.at("22 листопада 2026, 15:40") == "byline-dateline");
  CHECK(r.at("Читайте також: Як зміняться пенсії з 1 січня") == "related-links");
  CHECK(r.at("Поділитися") == "share-bar");
  CHECK(r.at("Усі права захищені. Використання матеріалів дозволяється за умови посилання на "
             "сайт.") == "footer-legal");

  // The danda "।" ends a sentence.
  const winnow::Article hi = winnow::clean(
      "होम\nदेश\nविदेश\nखेल\n\nरिज़र्व बैंक ने रेपो दर में कोई बदलाव नहीं किया\n\nभारतीय "
      "रिज़र्व बैंक ने शुक्रवार को रेपो दर को 6.5 प्रतिशत पर स्थिर रखा। केंद्रीय बैंक ने कहा कि "
      "महंगाई अब भी चिंता का विषय है।\n\nयह भी पढ़ें: शेयर बाजार में तेजी\n\nविशेषज्ञों का "
      "मानना है कि अगले साल की शुरुआत में दरों में कटौती हो सकती है।\n\nशेयर करें\nफेसबुक\n"
      "ट्विटर\n");
  CHECK(hi.title == "रिज़र्व बैंक ने रेपो दर में कोई बदलाव नहीं किया");
  CHECK(hi.paragraphs.size() == 2);
  CHECK(removals(hi).at("विदेश") == "navigation");
  CHECK(removals(hi).at("फेसबुक") == "share-bar");
}

TEST_CASE("clean removes a blog's comment form and keeps its last word to the reader",
          "[classify]") {
  const winnow::Article a = winnow::clean(
      "How I Rebuilt My Garden After the Flood\n\nLast spring the creek behind our house rose "
      "three feet in a single night. By morning, the vegetable beds were under a layer of "
      "silt.\n\nThen I added compost and let the beds rest for six weeks. By July, the "
      "tomatoes were taller than they had ever been.\n\nIf you are dealing with flood damage "
      "yourself, be patient. The garden will come back.\n\nShare this:\nFacebook\nLike "
      "this:\nLike Loading...\n\nLeave a Reply Cancel reply\nYour email address will not be "
      "published. Required fields are marked *\nComment\nName *\nSave my name, email, and "
      "website in this browser for the next time I comment.\nPost Comment\nProudly powered by "
      "WordPress\n");
  // Speaking to the reader next to a share bar is the article's, not an appeal's.
  CHECK(kept(a, "If you are dealing with flood damage yourself, be patient."));
  CHECK(a.paragraphs.size() == 3);
  const auto r = removals(a);
  CHECK(r.at("Like Loading...") == "share-bar");
  CHECK(r.at("Save my name, email, and website in this browser for the next time I comment.") ==
        "comments");
  CHECK(r.at("Post Comment") == "comments");
  CHECK(r.at("Proudly powered by WordPress") == "footer-legal");
}

TEST_CASE("clean splits glued text and keeps the sentences glued to chrome",
          "[classify][segment]") {
  const winnow::Article a = winnow::clean(
      "Harbour Tunnel Reopens | City News | The Herald\n\n"
      "Skip linksSkip to ContentNewsShow more sectionsSportWeatherPublished On 4 Mar 20244 Mar "
      "2024The harbour "
      "tunnel reopened on Monday after three months of repairs, the transport department said.\n"
      "Engineers replaced the ventilation system and the lighting along the whole tunnel.Keep "
      "reading list of 2 "
      "itemslist 1 of 2Bridge repairs finish earlylist 2 of 2Ferry timetable changes in Mayend of "
      "list\n"
      "Traffic is expected to return to normal levels within a week, officials said.\n");
  CHECK(a.title == "Harbour Tunnel Reopens");
  CHECK(a.metadata.site == "The Herald");
  CHECK(kept(a, "The harbour tunnel reopened on Monday after three months of repairs"));
  CHECK(kept(a,
             "Engineers replaced the ventilation system and the lighting along the whole tunnel."));
  CHECK(kept(a, "Traffic is expected to return to normal levels"));
  CHECK_FALSE(kept(a, "Skip"));
  CHECK_FALSE(kept(a, "Bridge repairs finish early"));
  CHECK_FALSE(kept(a, "list 1 of 2"));
  CHECK_FALSE(kept(a, "end of list"));
  CHECK_FALSE(kept(a, "4 Mar 2024"));
}

TEST_CASE("clean reports the title repeated in the text, and embedded posts in recall mode",
          "[classify]") {
  const std::string_view text = R"(Minister Visits Flooded Villages

Minister Visits Flooded Villages

The minister visited three flooded villages on Sunday and promised funds to rebuild the damaged bridges before winter.

Residents told her that the water had risen faster than ever before and that warnings came too late.

🌊 Our teams are in the villages to help families who lost their homes. #floods
— Regional Rescue Service (@rescue_region) May 5, 2024

The government will present a reconstruction plan to parliament next week.)";
  const winnow::Article balanced = winnow::clean(text);
  CHECK(balanced.title == "Minister Visits Flooded Villages");
  CHECK(removals(balanced).at("Minister Visits Flooded Villages") == "title-repeat");
  CHECK(kept(balanced, "(@rescue_region)"));  // embedded posts are often what a story quotes
  const winnow::Article recall = winnow::clean(text, {.bias = winnow::CleanBias::kRecall});
  CHECK(removals(recall).at("\xE2\x80\x94 Regional Rescue Service (@rescue_region) May 5, 2024") ==
        "social-embed");
  CHECK(removals(recall).at("\xF0\x9F\x8C\x8A Our teams are in the villages to help families who "
                            "lost their homes. #floods") == "social-embed");
  CHECK(kept(recall, "The government will present a reconstruction plan"));
}

TEST_CASE("clean_batch removes what recurs across a batch, but not what copies share",
          "[classify][batch]") {
  const std::string appeal =
      "Dear reader, the Valley Post is free to read because people like you chip in. Thank "
      "you.\n\n";
  const std::string first =
      "School Reopens After Repairs\n\nThe village school reopened on Monday after a summer of "
      "repairs to its roof and heating, the mayor said.\n\nPupils returned to classrooms that "
      "had been closed since March.\n\n" +
      appeal;
  const std::string second =
      "Bakery Wins Regional Prize\n\nA family bakery in the old town won the regional bread prize "
      "on Saturday for its rye loaf.\n\nThe owners said they would use the prize money to buy a "
      "new oven.\n\n" +
      appeal;
  const std::string copy =
      "School Reopens After Repairs\n\nThe village school reopened on Monday after a summer of "
      "repairs to its roof and heating, the mayor said.\n\nPupils returned to classrooms that had "
      "been closed since March.\n\nMore local news at valleypost.example\n";
  const auto articles = winnow::clean_batch({first, second, copy});
  REQUIRE(articles.size() == 3);
  CHECK(removals(articles[0]).count(appeal.substr(0, appeal.size() - 2)) == 1);
  CHECK(removals(articles[1]).count(appeal.substr(0, appeal.size() - 2)) == 1);
  // The first and the third are the same story: what they share is the article.
  CHECK(kept(articles[0], "The village school reopened on Monday"));
  CHECK(kept(articles[2], "The village school reopened on Monday"));
  CHECK(kept(articles[2], "Pupils returned to classrooms"));
  // Alone, the appeal is still recognised by what it says.
  CHECK(removals(winnow::clean(first)).count(appeal.substr(0, appeal.size() - 2)) == 1);
}

TEST_CASE("the precision bias keeps more than the recall bias", "[classify]") {
  const auto precision = winnow::clean(kEnglish, {.bias = winnow::CleanBias::kPrecision});
  const auto recall = winnow::clean(kEnglish, {.bias = winnow::CleanBias::kRecall});
  CHECK(precision.removed.size() <= recall.removed.size());
  CHECK(kept(precision, "The city council approved a plan on Tuesday"));
  CHECK(kept(recall, "The city council approved a plan on Tuesday"));
}

TEST_CASE(
    "clean knows broadcaster and magazine chrome: image captions, reading times, most-read lists",
    "[classify]") {
  const winnow::Article a = winnow::clean(R"(Storm Closes Ports Along the Northern Coast

5 min read

Image source, Coastguard Agency
Image caption, Waves broke over the harbour wall in the early hours

Ports along the northern coast were closed on Thursday as a storm brought winds of up to 120 km/h, the coastguard agency said.

Ferries were cancelled and fishing boats were told to stay in harbour until the weekend.

Most read
Train services cut as lines flood
Schools shut in three districts

Share
Print)");
  CHECK(a.title == "Storm Closes Ports Along the Northern Coast");
  CHECK(a.paragraphs.size() == 2);
  const auto r = removals(a);
  CHECK(r.at("5 min read") == "byline-dateline");
  CHECK(r.at("Image source, Coastguard Agency") == "caption-credit");
  CHECK(r.at("Image caption, Waves broke over the harbour wall in the early hours") ==
        "caption-credit");
  CHECK(r.at("Most read") == "related-links");
  CHECK(r.at("Schools shut in three districts") == "related-links");
  CHECK(r.at("Share") == "share-bar");
}

TEST_CASE("read_stamp finds the author and the date in bylines and datelines", "[classify]") {
  using winnow::read_stamp;
  CHECK(read_stamp("Por María López | Madrid | 14 de febrero de 2024").byline == "María López");
  CHECK(read_stamp("Por María López | Madrid | 14 de febrero de 2024").date ==
        "14 de febrero de 2024");
  CHECK(read_stamp("Von Anna Schmidt | 10.12.2024").byline == "Anna Schmidt");
  CHECK(read_stamp("Von Anna Schmidt | 10.12.2024").date == "10.12.2024");
  CHECK(read_stamp("By Sarah Chen, Staff Writer").byline == "Sarah Chen, Staff Writer");
  CHECK(read_stamp("Updated 3:45 PM EST, Tue March 12, 2024").date ==
        "3:45 PM EST, Tue March 12, 2024");
  CHECK(read_stamp("Published On 11 Oct 2023").date == "11 Oct 2023");
  CHECK(read_stamp("Автор: Иван Петров").byline == "Иван Петров");
  CHECK(read_stamp("12 марта 2024, 14:30").date == "12 марта 2024, 14:30");
  // A date and a byline without a separator between them.
  CHECK(read_stamp("20 de noviembre de 2026 Por Lucía Fernández").date ==
        "20 de noviembre de 2026");
  CHECK(read_stamp("20 de noviembre de 2026 Por Lucía Fernández").byline == "Lucía Fernández");
  // Separators of several kinds on one line; the first date is the absolute one.
  CHECK(read_stamp("Jane Tremblay · CBC News · Posted: Nov 19, 2026 8:30 AM EST | Last "
                   "Updated: 2 hours ago")
            .date == "Nov 19, 2026 8:30 AM EST");
  // A label glued to the name, as Chinese writes it.
  CHECK(read_stamp("作者：李明").byline == "李明");
  // The first date, not the bracketed one after it.
  CHECK(read_stamp("12 ottobre 2024 (modifica il 12 ottobre 2024 | 18:40)").date ==
        "12 ottobre 2024");
  CHECK(read_stamp("Gepubliceerd op 3 maart 2024").date == "3 maart 2024");
  // Neither: nothing is made up.
  CHECK(read_stamp("Posted by Vortex").date.empty());
  CHECK(read_stamp("sponsored links").byline.empty());
}
