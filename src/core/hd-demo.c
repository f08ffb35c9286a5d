/* hd-demo.c — realistic demo data for screenshots, reports, tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The data is that of МОАУ СОШ № 1 г. Шимановска (Amur region, UTC+9): its staff, classes 1А–11Б
 * with their students and parents, the questions a school asks about «Дневник.ру», the approved
 * reception hours, consultations and newcomers. Everything comes from a GRand seeded by the
 * caller and from the `now` it passes, never from the clock, so a seed always gives the same
 * database. The texts are the school's data, not words of the interface: they are Russian and
 * not translated.
 */
#define G_LOG_DOMAIN "hd-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "hd-database-private.h"
#include "hd-date.h"
#include "hd-demo.h"
#include "hd-enums.h"
#include "hd-error.h"
#include "hd-fts-builder.h"
#include "hd-settings-keys.h"
#include "hd-text.h"
#include "hd-workdays.h"

/* Asia/Yakutsk has been UTC+9 all year since 2014; a fixed offset keeps the data independent of
 * the tzdata installed. */
#define TZ_OFFSET      (9 * 3600)
#define WORK_START     (8 * 3600)
#define WORK_END       (17 * 3600)
#define DAY            86400
#define N_CLASSES      22
/* Requests a year in a school of ~550 students; sets how far back N requests reach. */
#define PER_YEAR       3600
#define MIN_SPAN_DAYS  180
#define MAX_SPAN_DAYS  3650
/* Beyond this many distinct texts, normalize without remembering. */
#define KEY_CACHE_MAX  200000
/* SQLite's page cache during the load, in KiB (negative: a size, not a page count) */
#define LOAD_CACHE_SIZE -262144
/* The page cache while the indexes are built, in KiB: the size of the runs SQLite sorts */
#define LOAD_SORT_CACHE_SIZE -16384
/* Bytes of the file SQLite may map during the load (it caps this at 2 GiB) */
#define LOAD_MMAP_SIZE  2147418112

/* ---------------------------------------------------------------------------------------- */
/* Words                                                                                     */

static const char * const male_names[] = {
  "Александр", "Алексей", "Андрей", "Артём", "Владимир", "Дмитрий", "Евгений", "Иван", "Игорь",
  "Кирилл", "Максим", "Михаил", "Никита", "Николай", "Павел", "Роман", "Сергей", "Юрий", "Виктор",
  "Олег", "Константин", "Денис", "Матвей", "Тимофей", "Егор", "Даниил", "Илья", "Глеб", "Фёдор",
  "Степан", "Марк", "Лев", "Ярослав", "Вадим",
};

static const char * const female_names[] = {
  "Анна", "Мария", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Екатерина",
  "Юлия", "Анастасия", "Дарья", "Алина", "Полина", "Ксения", "Виктория", "Софья", "Валентина",
  "Галина", "Людмила", "Надежда", "Марина", "Оксана", "Алёна", "Вероника", "Варвара", "Алиса",
  "Ева", "Милана", "Любовь", "Кристина", "Евгения",
};

/* Fathers' names and the patronymics they give (male, female) */
static const char * const patronymics[][2] = {
  { "Александрович", "Александровна" }, { "Алексеевич", "Алексеевна" },
  { "Андреевич", "Андреевна" }, { "Анатольевич", "Анатольевна" }, { "Борисович", "Борисовна" },
  { "Валерьевич", "Валерьевна" }, { "Васильевич", "Васильевна" }, { "Викторович", "Викторовна" },
  { "Владимирович", "Владимировна" }, { "Геннадьевич", "Геннадьевна" },
  { "Дмитриевич", "Дмитриевна" }, { "Евгеньевич", "Евгеньевна" }, { "Иванович", "Ивановна" },
  { "Игоревич", "Игоревна" }, { "Константинович", "Константиновна" },
  { "Михайлович", "Михайловна" }, { "Николаевич", "Николаевна" }, { "Олегович", "Олеговна" },
  { "Павлович", "Павловна" }, { "Петрович", "Петровна" }, { "Сергеевич", "Сергеевна" },
  { "Юрьевич", "Юрьевна" }, { "Романович", "Романовна" }, { "Артёмович", "Артёмовна" },
};

static const char * const surnames[] = {
  "Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов",
  "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
  "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
  "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв",
  "Сергеев", "Фролов", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов",
  "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов",
  "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов",
  "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов", "Карпов",
  "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов", "Казаков", "Афанасьев", "Данилов",
  "Тимофеев", "Фомин", "Чернов", "Мартынов", "Ефимов", "Щербаков", "Назаров", "Калинин",
  "Быков", "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Пономарёв",
  "Голубев", "Кудрявцев", "Прохоров", "Потапов", "Журавлёв", "Трофимов", "Леонов", "Соболев",
  "Ёлкин", "Гончаров", "Шестаков", "Котов", "Грачёв", "Шевченко", "Бондаренко", "Ткаченко",
  "Литвиненко", "Ким", "Пак", "Островский", "Завьялов", "Черкасов", "Белоусов", "Рыбаков",
};

static const char * const mobile_codes[] = { "914", "924", "962", "963", "909", "984" };

typedef struct {
  const char *nom;   /* математика */
  const char *dat;   /* по математике */
  gboolean    primary;
} Subject;

static const Subject subjects[] = {
  { "математика", "математике", TRUE },
  { "русский язык", "русскому языку", TRUE },
  { "литературное чтение", "литературному чтению", TRUE },
  { "окружающий мир", "окружающему миру", TRUE },
  { "английский язык", "английскому языку", TRUE },
  { "музыка", "музыке", TRUE },
  { "физическая культура", "физической культуре", TRUE },
  { "технология", "технологии", TRUE },
  { "литература", "литературе", FALSE },
  { "алгебра", "алгебре", FALSE },
  { "геометрия", "геометрии", FALSE },
  { "история", "истории", FALSE },
  { "обществознание", "обществознанию", FALSE },
  { "физика", "физике", FALSE },
  { "химия", "химии", FALSE },
  { "биология", "биологии", FALSE },
  { "география", "географии", FALSE },
  { "информатика", "информатике", FALSE },
};

static const char * const month_names[] = {
  "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
  "октябрь", "ноябрь", "декабрь",
};

/* Who asks a question: bits of HdRequesterKind */
#define STAFF   (1 << HD_REQUESTER_STAFF | 1 << HD_REQUESTER_OTHER)
#define PARENT  (1 << HD_REQUESTER_PARENT)
#define STUDENT (1 << HD_REQUESTER_STUDENT)
#define FAMILY  (PARENT | STUDENT)
#define ANYONE  (STAFF | FAMILY)

/* A question people ask about «Дневник.ру»: the summary, a sentence of detail for the
 * description (or NULL), and how it was resolved. {class} {subject} {subject_dat} {quarter}
 * {date} {month} are filled in from the request's context. */
typedef struct {
  guint8      who;
  const char *summary;
  const char *detail;
  const char *resolution;
} Question;

static const Question q_schedule[] = {
  { STAFF, "Как перенести урок в расписании",
    "Урок по {subject_dat} в {class} нужно перенести на другой день, а в расписании он остался на старом месте.",
    "Показали, как перенести урок в разделе «Расписание»." },
  { STAFF, "В расписании {class} не отображается урок по {subject_dat}",
    "Урок стоит в бумажном расписании, а в электронном его нет.",
    "Урок добавлен в расписание, журнал открыт." },
  { ANYONE, "Замена учителя не видна в расписании {class}",
    "После замены учителя урок в расписании {class} пропал.",
    "Замена оформлена заново, урок появился в расписании." },
  { ANYONE, "Расписание на следующую неделю не загружено",
    "Расписание на неделю с {date} не видно ни ученикам, ни родителям.",
    "Расписание на неделю загружено." },
  { STAFF, "Как добавить дополнительное занятие в расписание", NULL,
    "Показали, как добавить занятие внеурочной деятельности." },
  { ANYONE, "Урок по {subject_dat} стоит не в тот день у {class}",
    "В расписании урок стоит на {date}, а проходит в другой день.",
    "Расписание исправлено, урок перенесён." },
  { STAFF, "Дублируются уроки в расписании {class}",
    "Каждый урок по {subject_dat} показан в расписании дважды.",
    "Лишние уроки удалены из расписания." },
  { PARENT, "Ребёнок не видит расписание на завтра",
    "В приложении на телефоне расписание пустое, на сайте есть.",
    "Обновили приложение, расписание появилось." },
};

static const Question q_grades_current[] = {
  { STAFF, "Не сохраняется оценка за контрольную работу в {class}",
    "После сохранения страницы оценка за {date} пропадает.",
    "Оценка сохранена после обновления страницы." },
  { FAMILY, "Оценка по {subject_dat} не видна родителям",
    "Учитель сказал, что выставил оценку, а в дневнике её нет.",
    "Учитель сохранил журнал, оценки появились." },
  { STAFF, "Как исправить ошибочно выставленную оценку в {class}",
    "Оценка стоит не за тот урок: нужно перенести её на {date}.",
    "Оценку перенесли на правильную дату." },
  { PARENT, "Ребёнку поставили оценку, а в дневнике её нет",
    "Ребёнок говорит, что получил «5» по {subject_dat} за {date}, в дневнике пусто.",
    "Учитель выставил оценку в журнал." },
  { FAMILY, "Не видно оценок за {date} по {subject_dat}", NULL,
    "Оценки были выставлены позже; сейчас видны." },
  { ANYONE, "Средний балл по {subject_dat} считается неверно",
    "Средний балл не совпадает с тем, что получается на калькуляторе.",
    "Объяснили, что средний балл взвешенный." },
  { STAFF, "Как выставить две оценки за один урок", NULL,
    "Показали, как добавить вторую колонку оценок на урок." },
  { STAFF, "Как изменить вес оценки за контрольную работу", NULL,
    "Показали, как выбрать вид работы." },
};

static const Question q_grades_final[] = {
  { STAFF, "Не отображаются итоговые оценки за {quarter} в {class}",
    "Текущие оценки за {quarter} выставлены, а итоговых в отчёте нет.",
    "Учитель закрыл период, оценки отобразились." },
  { ANYONE, "Неверно рассчитывается четвертная оценка по {subject_dat}",
    "Четвертная оценка по {subject_dat} не совпадает со средним баллом.",
    "Объяснили порядок выставления итоговых оценок." },
  { STAFF, "Как выставить годовую оценку в {class}", NULL,
    "Показали, как выставить годовые оценки в итоговом журнале." },
  { STAFF, "Не закрывается {quarter} в журнале {class}",
    "При закрытии периода выходит сообщение об ошибке.",
    "Пересчитали итоговые оценки после закрытия периода." },
  { FAMILY, "Итоговая оценка не совпадает со средним баллом", NULL,
    "Объяснили, что итоговую оценку выставляет учитель." },
  { FAMILY, "Родители не видят итоговые оценки за {quarter}", NULL,
    "Оценки открыты родителям после закрытия периода." },
  { STAFF, "Как исправить итоговую оценку после закрытия периода",
    "Период {quarter} закрыт, а исправить итоговую оценку нужно.",
    "Период открыли по распоряжению завуча, оценку исправили." },
};

static const Question q_attendance[] = {
  { STAFF, "Как отметить отсутствие ученика по болезни", NULL,
    "Показали, как указать уважительную причину пропуска." },
  { STAFF, "Пропуски не попадают в отчёт о посещаемости {class}",
    "Отметки «Н» за {date} есть в журнале, а в отчёте их нет.",
    "Отметки исправлены, отчёт о посещаемости сформирован." },
  { PARENT, "Не видно пропусков ребёнка за {date}", NULL,
    "Пропуски видны после заполнения журнала." },
  { STAFF, "Как исправить ошибочную отметку «Н» в {class}", NULL,
    "Показали, как убрать отметку через страницу урока." },
  { STAFF, "Отчёт о посещаемости за {month} не формируется", NULL,
    "Отчёт сформирован после заполнения всех уроков месяца." },
  { PARENT, "Пропуски стоят без уважительной причины",
    "Ребёнок болел, справка сдана, а пропуски стоят без уважительной причины.",
    "Классный руководитель указал причину пропусков." },
};

static const Question q_lesson_planning[] = {
  { STAFF, "Не загружается КТП по {subject_dat} для {class}",
    "Файл КТП по {subject_dat} для {class} загружается с ошибкой.",
    "КТП загружено заново по шаблону, темы привязаны к урокам." },
  { STAFF, "Как привязать тематическое планирование к урокам", NULL,
    "Показали, как привязать темы КТП к урокам." },
  { STAFF, "Темы уроков сдвинулись после переноса урока",
    "После переноса урока темы в планировании сдвинулись на один урок.",
    "Темы выровнены." },
  { STAFF, "Как скопировать планирование в параллельный класс", NULL,
    "Показали копирование планирования." },
  { STAFF, "Как удалить лишние темы из планирования", NULL,
    "Лишние темы удалены." },
};

static const Question q_lessons[] = {
  { STAFF, "Не удаётся заполнить тему урока в {class}",
    "Тема урока по {subject_dat} в {class} не сохраняется.",
    "Тема сохранена после обновления страницы." },
  { ANYONE, "Домашнее задание не видно ученикам {class}",
    "Домашнее задание на {date} ученики {class} не видят.",
    "Задание было черновиком, учитель опубликовал его." },
  { STAFF, "Как прикрепить файл к домашнему заданию", NULL,
    "Показали, как прикрепить файл к домашнему заданию." },
  { STAFF, "Урок по {subject_dat} отмечен как непроведённый", NULL,
    "Урок отмечен как проведённый после заполнения темы." },
  { STAFF, "Как провести урок в подгруппе", NULL,
    "Показали, как разделить класс на подгруппы." },
};

static const Question q_timeliness[] = {
  { STAFF, "Напоминание о незаполненном журнале {class}",
    "Журнал {class} помечен как незаполненный, хотя темы и оценки внесены.",
    "Учитель заполнил журнал, отметка о незаполненности снята." },
  { STAFF, "Отчёт о своевременности заполнения журнала за {month}",
    "Заместителю директора нужен отчёт о заполнении журналов за {month}.",
    "Отчёт сформирован и передан заместителю директора." },
  { STAFF, "Как посмотреть, кто не выставил оценки за неделю", NULL,
    "Показали отчёт «Заполнение журнала» с отбором по неделе." },
};

static const Question q_access[] = {
  { PARENT, "Родитель не может войти в личный кабинет",
    "При входе пишет «Неверный логин или пароль», восстановление пароля не помогает.",
    "Сбросили пароль, новый логин передан родителю лично." },
  { ANYONE, "Не приходит код восстановления пароля",
    "Код восстановления на телефон не приходит уже второй день.",
    "Исправили номер телефона в профиле, код пришёл." },
  { PARENT, "Как привязать второго ребёнка к учётной записи родителя", NULL,
    "Привязали второго ребёнка к учётной записи родителя." },
  { STUDENT, "Не могу войти через Госуслуги",
    "Учётная запись на Госуслугах подтверждена, а вход не работает.",
    "Связали учётную запись ученика с Госуслугами." },
  { FAMILY, "Нужен новый логин и пароль для ученика {class}", NULL,
    "Выдали новый логин и пароль." },
  { ANYONE, "Учётная запись заблокирована после неверного пароля", NULL,
    "Учётная запись разблокирована, вход проверен." },
  { STAFF, "Новому учителю не выдан доступ к журналу",
    "Учитель работает с понедельника, а журнал {class} ему не открыт.",
    "Выдан доступ к журналу, проведён инструктаж." },
  { PARENT, "Родитель видит в дневнике не того ребёнка", NULL,
    "Исправили связь родителя и ученика." },
  { ANYONE, "Не приходит письмо с приглашением в Дневник.ру",
    "Учётная запись создана, но приглашение на почту не пришло.",
    "Письмо попало в спам; приглашение отправлено повторно." },
};

static const Question q_other[] = {
  { FAMILY, "Как скачать мобильное приложение Дневник.ру", NULL,
    "Объяснили, где скачать приложение и как войти." },
  { ANYONE, "Не приходят уведомления на телефон",
    "Уведомления о новых оценках перестали приходить после обновления приложения.",
    "Объяснили, как включить уведомления в приложении." },
  { FAMILY, "Как распечатать табель успеваемости",
    "Нужно распечатать табель за {quarter} для личного дела.",
    "Табель распечатан и выдан." },
  { ANYONE, "Не открывается сайт dnevnik.ru", NULL,
    "Сайт открылся после очистки кэша браузера." },
  { PARENT, "Как написать сообщение классному руководителю", NULL,
    "Показали раздел «Сообщения»." },
  { PARENT, "Вопрос о платной подписке в мобильном приложении", NULL,
    "Объяснили, что электронный дневник бесплатный, подписка не обязательна." },
};

static const struct {
  const Question *questions;
  guint           n;
} questions[HD_N_TOPICS] = {
  [HD_TOPIC_SCHEDULE] = { q_schedule, G_N_ELEMENTS (q_schedule) },
  [HD_TOPIC_GRADES_CURRENT] = { q_grades_current, G_N_ELEMENTS (q_grades_current) },
  [HD_TOPIC_GRADES_FINAL] = { q_grades_final, G_N_ELEMENTS (q_grades_final) },
  [HD_TOPIC_ATTENDANCE] = { q_attendance, G_N_ELEMENTS (q_attendance) },
  [HD_TOPIC_LESSON_PLANNING] = { q_lesson_planning, G_N_ELEMENTS (q_lesson_planning) },
  [HD_TOPIC_LESSONS] = { q_lessons, G_N_ELEMENTS (q_lessons) },
  [HD_TOPIC_TIMELINESS] = { q_timeliness, G_N_ELEMENTS (q_timeliness) },
  [HD_TOPIC_ACCESS] = { q_access, G_N_ELEMENTS (q_access) },
  [HD_TOPIC_OTHER] = { q_other, G_N_ELEMENTS (q_other) },
};

static const char * const extras[] = {
  "Браузер: Яндекс Браузер на Windows 10.",
  "С телефона, приложение Дневник.ру на Android.",
  "С iPhone, через мобильное приложение.",
  "Проблема началась {date}.",
  "Скриншот прислали на почту службы поддержки.",
  "Просят ответить до конца недели.",
  "Через Госуслуги вход работает.",
  "На компьютере в учительской то же самое.",
};

static const char * const rejection_notes[HD_N_REJECTION_REASONS] = {
  "Не удалось связаться с заявителем, сведений для решения недостаточно.",
  "Вопрос не относится к работе электронного журнала.",
  "Обращение не содержит вопроса по существу.",
  "Повторное обращение по тому же вопросу, ответ дан ранее.",
};

/* Staff posts: how many, and whether they are class teachers */
typedef struct {
  const char *position;
  guint       count;
  gboolean    subject_teacher;
} Post;

static const Post posts[] = {
  { "директор", 1, FALSE },
  { "заместитель директора по УВР", 2, FALSE },
  { "заместитель директора по ВР", 1, FALSE },
  { "секретарь", 1, FALSE },
  { "учитель начальных классов", 8, FALSE },
  { "учитель математики", 4, TRUE },
  { "учитель русского языка и литературы", 5, TRUE },
  { "учитель английского языка", 4, TRUE },
  { "учитель истории и обществознания", 2, TRUE },
  { "учитель физики", 1, TRUE },
  { "учитель химии", 1, TRUE },
  { "учитель биологии", 1, TRUE },
  { "учитель географии", 1, TRUE },
  { "учитель информатики", 1, TRUE },
  { "учитель физической культуры", 2, FALSE },
  { "учитель музыки", 1, FALSE },
  { "учитель технологии", 2, FALSE },
  { "преподаватель-организатор ОБЗР", 1, FALSE },
  { "педагог-психолог", 1, FALSE },
  { "социальный педагог", 1, FALSE },
  { "учитель-логопед", 1, FALSE },
  { "педагог-библиотекарь", 1, FALSE },
};

static const char * const newcomer_posts[] = {
  "учитель начальных классов", "учитель английского языка", "учитель математики",
  "учитель русского языка и литературы", "педагог-психолог", "учитель физической культуры",
  "педагог дополнительного образования", "учитель истории и обществознания", "секретарь",
};

/* ---------------------------------------------------------------------------------------- */
/* State                                                                                     */

typedef struct {
  gint64      id;
  const char *name;        /* Фамилия Имя Отчество */
  const char *short_name;  /* Фамилия И. О. */
  const char *key;         /* hd_text_normalize (name) */
  const char *phone;
  guint8      kind;
  guint8      female;
  gint8       class_index; /* students and parents; class teachers: their class; else -1 */
} Person;

typedef struct {
  HdDatabase   *db;
  GRand        *rand;
  gint64        now;
  GDate         today;
  HdWorkdays   *workdays;      /* NULL: Mon–Fri */

  GStringChunk *strings;
  GHashTable   *keys;          /* text → normalized text (in strings) */
  GArray       *people;        /* Person */
  GArray       *staff;         /* guint indices into people */
  GArray       *students[N_CLASSES];
  GArray       *parents[N_CLASSES];
  GArray       *others;
  int           class_teacher[N_CLASSES];
  const char   *consultant;    /* short names of those who answer requests */
  const char   *deputy;

  /* per person: the last request, for repeat requests */
  gint64       *last_request;
  gint64       *last_request_at;
  guint8       *last_topic;

  guint         vendor_counter;
  gint64        started;       /* for the debug log */
  clock_t       started_cpu;
} Demo;

static void
demo_clear (Demo *d)
{
  g_clear_pointer (&d->rand, g_rand_free);
  g_clear_object (&d->workdays);
  g_clear_pointer (&d->strings, g_string_chunk_free);
  g_clear_pointer (&d->keys, g_hash_table_unref);
  g_clear_pointer (&d->people, g_array_unref);
  g_clear_pointer (&d->staff, g_array_unref);
  g_clear_pointer (&d->others, g_array_unref);
  for (guint i = 0; i < N_CLASSES; i++)
    {
      g_clear_pointer (&d->students[i], g_array_unref);
      g_clear_pointer (&d->parents[i], g_array_unref);
    }
  g_clear_pointer (&d->last_request, g_free);
  g_clear_pointer (&d->last_request_at, g_free);
  g_clear_pointer (&d->last_topic, g_free);
}

/* ---------------------------------------------------------------------------------------- */
/* Random helpers                                                                            */

static guint
pick (Demo *d, guint n)
{
  g_assert (n > 0);
  return (guint) g_rand_int_range (d->rand, 0, (gint32) n);
}

static gboolean
chance (Demo *d, double p)
{
  return g_rand_double (d->rand) < p;
}

/* An index drawn with the given weights */
static guint
weighted (Demo *d, const double *weights, guint n)
{
  double total = 0, x;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  x = g_rand_double (d->rand) * total;
  for (guint i = 0; i < n; i++)
    {
      if (x < weights[i])
        return i;
      x -= weights[i];
    }
  return n - 1;
}

static double
exp_rand (Demo *d, double mean)
{
  return -mean * log (1.0 - g_rand_double (d->rand));
}

/* ---------------------------------------------------------------------------------------- */
/* Time: the school's local days and working hours                                           */

/* For the debug log: the time since the start, and the CPU time (the process's), which a busy
 * machine disturbs less */
static void
log_step (Demo       *d,
          const char *what)
{
  g_debug ("%s: %.3f s, %.3f s CPU", what, (g_get_monotonic_time () - d->started) / 1e6,
           (double) (clock () - d->started_cpu) / CLOCKS_PER_SEC);
}

static gint64
floor_div (gint64 a, gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Days since 1970-01-01 in local time */
static gint64
local_day (gint64 t)
{
  return floor_div (t + TZ_OFFSET, DAY);
}

static gint64
day_start (gint64 day)
{
  return day * DAY - TZ_OFFSET;
}

/* 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday) */
static int
day_weekday (gint64 day)
{
  return (int) (((day + 3) % 7 + 7) % 7);
}

static void
day_to_gdate (gint64 day, GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_julian (out, (guint32) (day + 719163));   /* julian day of 1970-01-01 */
}

static gint64
gdate_to_day (const GDate *date)
{
  return (gint64) g_date_get_julian (date) - 719163;
}

static gboolean
is_working_day (Demo *d, gint64 day)
{
  GDate date;

  if (d->workdays == NULL)
    return day_weekday (day) < 5;
  day_to_gdate (day, &date);
  return hd_workdays_is_working_day (d->workdays, &date);
}

/* @t plus @seconds of working time (Mon–Fri, 08:00–17:00 local): a reply to a letter that came
 * in at night is written the next morning. Precise enough for demo data, and fast. */
static gint64
work_add (gint64 t, gint64 seconds)
{
  gint64 local = t + TZ_OFFSET;

  for (;;)
    {
      gint64 day = floor_div (local, DAY);
      gint64 sod = local - day * DAY;

      if (day_weekday (day) >= 5 || sod >= WORK_END)
        {
          local = (day + 1) * DAY + WORK_START;
          continue;
        }
      if (sod < WORK_START)
        {
          local = day * DAY + WORK_START;
          sod = WORK_START;
        }
      if (seconds <= WORK_END - sod)
        return local + seconds - TZ_OFFSET;
      seconds -= WORK_END - sod;
      local = (day + 1) * DAY + WORK_START;
    }
}

static void
due_date (Demo *d, const GDate *started, GDate *due)
{
  if (d->workdays != NULL)
    {
      hd_workdays_due_date (d->workdays, started, HD_DEFAULT_DEADLINE_DAYS, due, NULL, NULL);
      return;
    }
  /* Mon–Fri, counting from the day after */
  *due = *started;
  for (int n = 0; n < HD_DEFAULT_DEADLINE_DAYS;)
    {
      g_date_add_days (due, 1);
      if (g_date_get_weekday (due) <= G_DATE_FRIDAY)
        n++;
    }
}

static char *
iso_of_day (gint64 day)
{
  GDate date;

  day_to_gdate (day, &date);
  return hd_date_to_iso (&date);
}

/* ---------------------------------------------------------------------------------------- */
/* Text                                                                                      */

/* The normalized form of a piece of text, remembered: normalizing every request's text from
 * scratch would take longer than writing it. */
static const char *
key_of (Demo *d, const char *text)
{
  const char *key = g_hash_table_lookup (d->keys, text);
  g_autofree char *normalized = NULL;

  if (key != NULL)
    return key;
  normalized = hd_text_normalize (text);
  key = g_string_chunk_insert_const (d->strings, normalized);
  if (g_hash_table_size (d->keys) < KEY_CACHE_MAX)
    g_hash_table_insert (d->keys, g_string_chunk_insert_const (d->strings, text), (gpointer) key);
  return key;
}

/* Text and its search key, built piece by piece. Joining normalized pieces with one space is
 * exactly hd_text_normalize() of the pieces joined with spaces: normalizing folds each
 * character on its own and makes every run of white space one space. */
typedef struct {
  GString *text;
  GString *key;
} Pair;

static void
pair_reset (Pair *p)
{
  g_string_truncate (p->text, 0);
  g_string_truncate (p->key, 0);
}

static void
pair_add (Demo *d, Pair *p, const char *piece)
{
  const char *key = key_of (d, piece);

  if (*piece == '\0')
    return;
  if (p->text->len > 0)
    g_string_append_c (p->text, ' ');
  g_string_append (p->text, piece);
  if (*key != '\0')
    {
      if (p->key->len > 0)
        g_string_append_c (p->key, ' ');
      g_string_append (p->key, key);
    }
}

static void
append_key (GString *out, const char *key)
{
  if (*key == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, key);
}

typedef struct {
  int            class_index;
  const Subject *subject;
  int            quarter;
  gint64         date_day;
  int            month;
} Context;

static void
class_name (int class_index, char buf[8])
{
  g_snprintf (buf, 8, "%d%s", class_index / 2 + 1, class_index % 2 == 0 ? "А" : "Б");
}

static void
expand (const char *tmpl, const Context *ctx, GString *out)
{
  g_string_truncate (out, 0);
  for (const char *p = tmpl; *p; p++)
    {
      const char *end;
      char buf[16];

      if (*p != '{' || (end = strchr (p, '}')) == NULL)
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (strncmp (p, "{class}", 7) == 0)
        {
          class_name (ctx->class_index, buf);
          g_string_append (out, buf);
        }
      else if (strncmp (p, "{subject}", 9) == 0)
        g_string_append (out, ctx->subject->nom);
      else if (strncmp (p, "{subject_dat}", 13) == 0)
        g_string_append (out, ctx->subject->dat);
      else if (strncmp (p, "{quarter}", 9) == 0)
        g_string_append_printf (out, "%d четверть", ctx->quarter);
      else if (strncmp (p, "{date}", 6) == 0)
        {
          GDate date;

          day_to_gdate (ctx->date_day, &date);
          g_string_append_printf (out, "%02d.%02d", g_date_get_day (&date), g_date_get_month (&date));
        }
      else if (strncmp (p, "{month}", 7) == 0)
        g_string_append (out, month_names[ctx->month]);
      else
        g_assert_not_reached ();
      p = end;
    }
}

/* ---------------------------------------------------------------------------------------- */
/* People                                                                                    */

static const char *
feminine (Demo *d, const char *surname, gboolean female)
{
  g_autofree char *f = NULL;

  if (!female)
    return surname;
  if (g_str_has_suffix (surname, "ов") || g_str_has_suffix (surname, "ев") ||
      g_str_has_suffix (surname, "ёв") || g_str_has_suffix (surname, "ин") ||
      g_str_has_suffix (surname, "ын"))
    f = g_strconcat (surname, "а", NULL);
  else if (g_str_has_suffix (surname, "ский"))
    {
      f = g_strdup (surname);
      strcpy (f + strlen (f) - strlen ("ий"), "ая");
    }
  else
    return surname;   /* Шевченко, Ким: the same for both */
  return g_string_chunk_insert_const (d->strings, f);
}

static char *
initial (const char *word)
{
  char buf[8] = { 0 };

  g_unichar_to_utf8 (g_utf8_get_char (word), buf);
  return g_strconcat (buf, ".", NULL);
}

static guint
add_person (Demo       *d,
            guint8      kind,
            gboolean    female,
            const char *surname,
            int         class_index,
            gboolean    adult)
{
  const char *first, *patronymic, *family;
  g_autofree char *name = NULL;
  g_autofree char *i1 = NULL;
  g_autofree char *i2 = NULL;
  g_autofree char *short_name = NULL;
  char phone[32];
  Person p = { 0 };
  guint index = d->people->len;

  family = feminine (d, surname, female);
  if (female)
    first = adult ? female_names[pick (d, 24)] : female_names[pick (d, G_N_ELEMENTS (female_names))];
  else
    first = male_names[pick (d, G_N_ELEMENTS (male_names))];
  patronymic = patronymics[pick (d, G_N_ELEMENTS (patronymics))][female ? 1 : 0];

  name = g_strdup_printf ("%s %s %s", family, first, patronymic);
  i1 = initial (first);
  i2 = initial (patronymic);
  short_name = g_strdup_printf ("%s %s %s", family, i1, i2);
  g_snprintf (phone, sizeof phone, "+7 %s %03u-%02u-%02u",
              mobile_codes[pick (d, G_N_ELEMENTS (mobile_codes))],
              pick (d, 900) + 100, pick (d, 100), pick (d, 100));

  p.id = index + 1;
  p.name = g_string_chunk_insert (d->strings, name);
  p.short_name = g_string_chunk_insert (d->strings, short_name);
  p.key = key_of (d, p.name);
  p.phone = g_string_chunk_insert (d->strings, phone);
  p.kind = kind;
  p.female = female;
  p.class_index = class_index;
  g_array_append_val (d->people, p);
  return index;
}

static const char *
transliterate (Demo *d, const char *text)
{
  static const char * const latin[] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
    "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0430 && c <= 0x044F)
        g_string_append (out, latin[c - 0x0430]);
      else if (c == 0x0451)
        g_string_append (out, "e");
      else if (c < 0x80 && g_ascii_isalnum (c))
        g_string_append_c (out, (char) c);
    }
  g_autofree char *latin_text = g_string_free (out, FALSE);

  return g_string_chunk_insert (d->strings, latin_text);
}

/* Only people who write e-mails have an address */
static char *
email_of (Demo *d, const Person *p, const char *surname)
{
  static const char * const domains[] = { "mail.ru", "yandex.ru", "bk.ru", "inbox.ru", "gmail.com" };

  return g_strdup_printf ("%s%u@%s", transliterate (d, surname), pick (d, 90) + 10,
                          domains[pick (d, G_N_ELEMENTS (domains))]);
}

static gboolean
insert_person (Demo        *d,
               guint        index,
               const char  *position,
               const char  *surname,
               gint64       created_at,
               GError     **error)
{
  Person *p = &g_array_index (d->people, Person, index);
  g_autoptr(HdStmt) stmt = NULL;
  g_autofree char *email = NULL;
  char class_buf[8];

  stmt = hd_database_prepare (d->db,
                              "INSERT INTO people (id, full_name, kind, position, class_name, phone,"
                              " email, name_key, created_at, updated_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                              error);
  if (stmt == NULL)
    return FALSE;

  if (p->kind != HD_REQUESTER_STUDENT && chance (d, p->kind == HD_REQUESTER_STAFF ? 0.8 : 0.4))
    email = email_of (d, p, feminine (d, surname, p->female));

  sqlite3_bind_int64 (stmt, 1, p->id);
  sqlite3_bind_text (stmt, 2, p->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, hd_enum_key (HD_ENUM_REQUESTER_KIND, p->kind), -1, SQLITE_STATIC);
  hd_stmt_bind_text (stmt, 4, position, TRUE);
  if (p->class_index >= 0 && p->kind != HD_REQUESTER_STAFF)
    {
      class_name (p->class_index, class_buf);
      sqlite3_bind_text (stmt, 5, class_buf, -1, SQLITE_TRANSIENT);
    }
  if (p->kind != HD_REQUESTER_STUDENT || chance (d, 0.5))
    sqlite3_bind_text (stmt, 6, p->phone, -1, SQLITE_STATIC);
  hd_stmt_bind_text (stmt, 7, email, TRUE);
  sqlite3_bind_text (stmt, 8, p->key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, created_at);
  return hd_database_step_done (d->db, stmt, error);
}

static gboolean
make_people (Demo *d, gint64 created_at, GError **error)
{
  guint primary_teacher = 0;
  guint subject_teacher = 0;

  for (guint i = 0; i < N_CLASSES; i++)
    d->class_teacher[i] = -1;

  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    for (guint n = 0; n < posts[i].count; n++)
      {
        const char *surname = surnames[pick (d, G_N_ELEMENTS (surnames))];
        /* Most of a Russian school's teachers are women */
        gboolean female = chance (d, i == 0 ? 0.6 : 0.82);
        int class_index = -1;
        g_autofree char *position = NULL;
        guint index;

        if (g_str_equal (posts[i].position, "учитель начальных классов"))
          class_index = primary_teacher < 8 ? (int) primary_teacher++ : -1;
        else if (posts[i].subject_teacher && subject_teacher < N_CLASSES - 8)
          class_index = (int) (8 + subject_teacher++);

        index = add_person (d, HD_REQUESTER_STAFF, female, surname, class_index, TRUE);
        if (class_index >= 0)
          {
            char buf[8];

            class_name (class_index, buf);
            d->class_teacher[class_index] = (int) index;
            position = g_strdup_printf ("%s, классный руководитель %s", posts[i].position, buf);
          }
        else
          position = g_strdup (posts[i].position);
        g_array_append_val (d->staff, index);
        if (!insert_person (d, index, position, surname, created_at, error))
          return FALSE;
      }

  /* The consultant of the regulation is a deputy director; the secretary helps. */
  d->deputy = g_array_index (d->people, Person, g_array_index (d->staff, guint, 1)).short_name;
  d->consultant = g_array_index (d->people, Person, g_array_index (d->staff, guint, 2)).short_name;
  if (!hd_database_set_setting (d->db, HD_SETTING_CONSULTANT_NAME,
                                g_array_index (d->people, Person, g_array_index (d->staff, guint, 2)).name,
                                error))
    return FALSE;

  for (int c = 0; c < N_CLASSES; c++)
    {
      guint size = 20 + pick (d, 9);

      for (guint s = 0; s < size; s++)
        {
          const char *surname = surnames[pick (d, G_N_ELEMENTS (surnames))];
          gboolean girl = chance (d, 0.5);
          gboolean mother = chance (d, 0.7);
          guint student = add_person (d, HD_REQUESTER_STUDENT, girl, surname, c, FALSE);
          guint parent;

          g_array_append_val (d->students[c], student);
          if (!insert_person (d, student, NULL, surname, created_at, error))
            return FALSE;
          parent = add_person (d, HD_REQUESTER_PARENT, mother, surname, c, TRUE);
          g_array_append_val (d->parents[c], parent);
          if (!insert_person (d, parent, NULL, surname, created_at, error))
            return FALSE;
        }
    }

  {
    static const char * const positions[] = {
      "специалист отдела образования администрации г. Шимановска",
      "методист отдела образования",
      "инженер-программист отдела образования",
    };

    for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
      {
        const char *surname = surnames[pick (d, G_N_ELEMENTS (surnames))];
        guint index = add_person (d, HD_REQUESTER_OTHER, chance (d, 0.7), surname, -1, TRUE);

        g_array_append_val (d->others, index);
        if (!insert_person (d, index, positions[i], surname, created_at, error))
          return FALSE;
      }
  }

  return TRUE;
}

/* ---------------------------------------------------------------------------------------- */
/* Requests                                                                                  */

typedef struct {
  gint64 at;
  guint8 status;
} Step;

typedef struct {
  gint64 at;
  guint  seq;
  guint8 kind;
  guint8 channel;
} Arrival;

static int
compare_arrivals (gconstpointer a, gconstpointer b)
{
  const Arrival *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* School-year seasons: September and the ends of quarters are busy, summer is quiet. */
static const double month_weight[12] = {
  0.9, 1.0, 1.0, 0.9, 1.2, 0.35, 0.08, 0.25, 1.6, 1.1, 1.0, 1.3,
};

static double
day_weight (Demo *d, gint64 day)
{
  GDate date;
  int wd = day_weekday (day);
  double w;

  day_to_gdate (day, &date);
  w = month_weight[g_date_get_month (&date) - 1];
  if (!is_working_day (d, day))
    w *= wd == 5 ? 0.12 : 0.03;   /* e-mails and voicemail still come in */
  else if (wd == 0)
    w *= 1.15;                    /* Monday */
  return w;
}

static guint8
pick_channel (Demo *d, guint8 kind)
{
  /* in person, phone, e-mail, portal call, via class teacher, voicemail */
  static const double staff[] = { 40, 28, 17, 9, 0, 6 };
  static const double parent[] = { 14, 36, 12, 10, 17, 11 };
  static const double student[] = { 38, 10, 6, 18, 28, 0 };
  static const double other[] = { 10, 50, 35, 5, 0, 0 };
  const double *w[] = { staff, parent, student, other };

  return (guint8) weighted (d, w[kind], HD_N_CHANNELS);
}

static guint8
pick_topic (Demo *d, guint8 kind)
{
  /* schedule, current, final, attendance, planning, lessons, timeliness, access, other */
  static const double staff[] = { 20, 20, 14, 9, 11, 9, 6, 6, 5 };
  static const double parent[] = { 14, 27, 11, 10, 0, 3, 0, 28, 7 };
  static const double student[] = { 24, 22, 8, 4, 0, 10, 0, 26, 6 };
  static const double other[] = { 10, 10, 15, 15, 5, 0, 35, 5, 5 };
  const double *w[] = { staff, parent, student, other };

  return (guint8) weighted (d, w[kind], HD_N_TOPICS);
}

/* The seconds into a local day a request arrives: working hours mostly, the reception hours
 * bring people in person, letters and voicemail come at any hour. */
static gint64
pick_second_of_day (Demo *d, guint8 channel, int weekday)
{
  static const double office[24] = {
    0, 0, 0, 0, 0, 0, 0, 0.2, 0.8, 1.3, 1.4, 1.3, 1.0, 0.6, 1.1, 1.1, 0.8, 0.2, 0.05, 0, 0, 0, 0, 0,
  };
  static const double any[24] = {
    0.02, 0.01, 0, 0, 0, 0.02, 0.1, 0.4, 0.8, 1, 1, 1, 0.9, 0.8, 0.9, 0.9, 0.9, 0.8, 0.8, 0.9,
    1.0, 0.9, 0.6, 0.2,
  };
  guint hour;

  if (channel == HD_CHANNEL_EMAIL || channel == HD_CHANNEL_VOICEMAIL || channel == HD_CHANNEL_PORTAL_CALL)
    hour = weighted (d, any, 24);
  else if (channel == HD_CHANNEL_IN_PERSON && (weekday == 1 || weekday == 3) && chance (d, 0.45))
    hour = 14 + pick (d, 2);      /* reception hours, Tue and Thu 14:00–16:00 */
  else
    hour = weighted (d, office, 24);
  return hour * 3600 + pick (d, 3600);
}

static int
quarter_of (int month)
{
  if (month >= 9 && month <= 10)
    return 1;
  if (month >= 11)
    return 2;
  if (month <= 3)
    return 3;
  return 4;
}

/* The moments a request's status changes, as if nothing stopped; cut at `now` later. */
static guint
plan_steps (Demo *d, gint64 received, guint8 channel, guint8 topic, Step steps[8],
            guint8 *rejection)
{
  guint n = 0;
  gint64 t = received;
  gboolean immediate = (channel == HD_CHANNEL_IN_PERSON || channel == HD_CHANNEL_PHONE) && chance (d, 0.65);
  double u;

  if (channel == HD_CHANNEL_VOICEMAIL)
    {
      t = work_add (t, 300 + pick (d, 1800));
      steps[n++] = (Step) { t, HD_STATUS_CALLBACK };
      t = work_add (t, 600 + (gint64) exp_rand (d, 3 * 3600));
    }
  else if (immediate)
    t = t + 60 + pick (d, 600);
  else if (chance (d, 0.07))
    t = work_add (t, 9 * 3600 + pick (d, 12 * 3600));       /* late first response */
  else
    t = work_add (t, 300 + (gint64) exp_rand (d, 2.5 * 3600));

  u = g_rand_double (d->rand);
  if (u < 0.025)
    {
      static const guint8 reasons[] = { HD_REJECTION_INCORRECT_QUESTION, HD_REJECTION_NON_CONSTRUCTIVE, HD_REJECTION_OTHER };

      *rejection = reasons[pick (d, 3)];
      steps[n++] = (Step) { t, HD_STATUS_REJECTED };
      return n;
    }
  if (u < 0.045)
    {
      *rejection = HD_REJECTION_INSUFFICIENT_INFO;
      steps[n++] = (Step) { t, HD_STATUS_IN_PROGRESS };
      t = work_add (t, 600 + pick (d, 3 * 3600));
      steps[n++] = (Step) { t, HD_STATUS_WAITING_INFO };
      t = work_add (t + (3 + pick (d, 6)) * DAY, 0);
      steps[n++] = (Step) { t, HD_STATUS_REJECTED };
      return n;
    }

  if (immediate && u < 0.5)
    {
      steps[n++] = (Step) { t, HD_STATUS_RESOLVED };
      return n;
    }

  steps[n++] = (Step) { t, HD_STATUS_IN_PROGRESS };

  if (chance (d, 0.11))
    {
      t = work_add (t, 600 + pick (d, 4 * 3600));
      steps[n++] = (Step) { t, HD_STATUS_WAITING_INFO };
      t = work_add (t + 1800 + (gint64) exp_rand (d, 1.2 * DAY), 0);
      steps[n++] = (Step) { t, HD_STATUS_IN_PROGRESS };
    }

  /* The vendor's support sees the harder cases: final grades and sign-in most */
  if (chance (d, topic == HD_TOPIC_GRADES_FINAL || topic == HD_TOPIC_ACCESS ? 0.12 : 0.05))
    {
      t = work_add (t, 900 + pick (d, 3 * 3600));
      steps[n++] = (Step) { t, HD_STATUS_ESCALATED };
      t = work_add (t, 3600 + (gint64) exp_rand (d, 3.5 * 9 * 3600));
      if (chance (d, 0.5))
        {
          steps[n++] = (Step) { t, HD_STATUS_IN_PROGRESS };
          t = work_add (t, 600 + pick (d, 7200));
        }
      steps[n++] = (Step) { t, HD_STATUS_RESOLVED };
      return n;
    }

  if (chance (d, 0.1))
    t = work_add (t, 3 * 9 * 3600 + (gint64) exp_rand (d, 2 * 9 * 3600));   /* beyond the term */
  else
    t = work_add (t, 600 + (gint64) exp_rand (d, 5 * 3600));
  steps[n++] = (Step) { t, HD_STATUS_RESOLVED };
  return n;
}

typedef struct {
  HdStmt *request;
  HdStmt *event;
  Pair    description;
  GString *summary;
  GString *resolution;
  GString *search;
  GString *scratch;
  GString *ticket;
  HdFtsBuilder *search_index;   /* (nullable): where each row's search text goes too */
} Writer;

static gboolean
insert_event (Demo        *d,
              Writer      *w,
              gint64       request_id,
              gint64       at,
              const char  *field,
              const char  *old_value,
              const char  *new_value,
              GError     **error)
{
  HdStmt *stmt = w->event;

  sqlite3_bind_int64 (stmt, 1, request_id);
  sqlite3_bind_int64 (stmt, 2, at);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  hd_stmt_bind_text (stmt, 4, old_value, FALSE);
  hd_stmt_bind_text (stmt, 5, new_value, FALSE);
  if (!hd_database_step_done (d->db, stmt, error))
    return FALSE;
  sqlite3_reset (stmt);
  return TRUE;
}

static guint
pick_requester (Demo *d, guint8 kind, int *class_index)
{
  int c;

  switch (kind)
    {
    case HD_REQUESTER_STAFF:
      {
        guint index = g_array_index (d->staff, guint, pick (d, d->staff->len));
        const Person *p = &g_array_index (d->people, Person, index);

        *class_index = p->class_index >= 0 ? p->class_index : (int) pick (d, N_CLASSES);
        return index;
      }
    case HD_REQUESTER_PARENT:
      c = (int) pick (d, N_CLASSES);
      *class_index = c;
      return g_array_index (d->parents[c], guint, pick (d, d->parents[c]->len));
    case HD_REQUESTER_STUDENT:
      /* students who write themselves are older */
      c = 8 + (int) pick (d, N_CLASSES - 8);
      *class_index = c;
      return g_array_index (d->students[c], guint, pick (d, d->students[c]->len));
    default:
      *class_index = (int) pick (d, N_CLASSES);
      return g_array_index (d->others, guint, pick (d, d->others->len));
    }
}

static gboolean
write_request (Demo         *d,
               Writer       *w,
               gint64        id,
               gint64        received,
               guint8        kind,
               guint8        channel,
               GError      **error)
{
  HdStmt *stmt = w->request;
  Step steps[8];
  guint n_steps, applied = 0;
  guint8 rejection = HD_REJECTION_OTHER;
  guint8 topic;
  guint8 status = HD_STATUS_NEW;
  int class_index;
  guint requester;
  const Person *person;
  int relayed = -1;
  gint64 related = 0;
  gint64 first_response = 0, resolved_at = 0, callback_done = 0, updated;
  gboolean escalated = FALSE;
  const Question *question;
  Context ctx;
  GDate date;
  guint n;

  requester = pick_requester (d, kind, &class_index);
  person = &g_array_index (d->people, Person, requester);
  topic = pick_topic (d, kind);

  /* A repeat: the same person about the same thing within two weeks */
  if (d->last_request[requester] != 0 && received - d->last_request_at[requester] < 14 * DAY &&
      chance (d, 0.35))
    {
      related = d->last_request[requester];
      topic = d->last_topic[requester];
    }
  d->last_request[requester] = id;
  d->last_request_at[requester] = received;
  d->last_topic[requester] = topic;

  if (channel == HD_CHANNEL_CLASS_TEACHER)
    {
      if (kind == HD_REQUESTER_PARENT || kind == HD_REQUESTER_STUDENT)
        relayed = d->class_teacher[class_index];
      else
        channel = HD_CHANNEL_PHONE;
    }

  day_to_gdate (local_day (received), &date);
  ctx.class_index = class_index;
  ctx.subject = &subjects[class_index < 8 ? pick (d, 8) : pick (d, G_N_ELEMENTS (subjects))];
  ctx.month = g_date_get_month (&date) - 1;
  ctx.quarter = quarter_of (ctx.month + 1);
  if (topic == HD_TOPIC_GRADES_FINAL || chance (d, 0.5))
    ctx.quarter = ctx.quarter == 1 ? 4 : ctx.quarter - 1;   /* the quarter just closed */
  ctx.date_day = local_day (received) - pick (d, 8);
  if (topic == HD_TOPIC_TIMELINESS && chance (d, 0.5))
    ctx.month = (ctx.month + 11) % 12;

  /* Texts: a question this kind of person asks */
  {
    guint candidates[16];

    n = 0;
    for (guint i = 0; i < questions[topic].n && n < G_N_ELEMENTS (candidates); i++)
      if (questions[topic].questions[i].who & (1 << kind))
        candidates[n++] = i;
    question = &questions[topic].questions[n > 0 ? candidates[pick (d, n)] : pick (d, questions[topic].n)];
  }
  expand (question->summary, &ctx, w->summary);

  pair_reset (&w->description);
  /* A real request is a sentence or two, and a quick call or visit often has the summary
   * alone. (Every word also costs the search index four entries: one per prefix length.) */
  if (!chance (d, channel == HD_CHANNEL_PHONE || channel == HD_CHANNEL_IN_PERSON ? 0.5 : 0.1))
    {
      if (question->detail != NULL)
        {
          expand (question->detail, &ctx, w->scratch);
          pair_add (d, &w->description, w->scratch->str);
        }
      if (kind == HD_REQUESTER_PARENT && chance (d, 0.5))
        {
          /* the child of this parent sits at the same place in the class list */
          guint pos = 0;

          for (guint i = 0; i < d->parents[class_index]->len; i++)
            if (g_array_index (d->parents[class_index], guint, i) == requester)
              pos = i;
          {
            const Person *child = &g_array_index (d->people, Person,
                                                  g_array_index (d->students[class_index], guint, pos));
            /* a parent names the child without the patronymic */
            const char *patronymic = strrchr (child->name, ' ');
            char buf[8];

            class_name (class_index, buf);
            g_string_printf (w->scratch, "%s: %.*s, %s.", child->female ? "Ученица" : "Ученик",
                             (int) (patronymic - child->name), child->name, buf);
          }
          pair_add (d, &w->description, w->scratch->str);
        }
      if (relayed >= 0)
        {
          const Person *teacher = &g_array_index (d->people, Person, relayed);
          char buf[8];

          class_name (class_index, buf);
          /* the short name ends with a full stop already */
          g_string_printf (w->scratch, "%s классный руководитель %s %s",
                           teacher->female ? "Передала" : "Передал", buf, teacher->short_name);
          pair_add (d, &w->description, w->scratch->str);
        }
      if (channel == HD_CHANNEL_VOICEMAIL)
        {
          g_string_printf (w->scratch, "Голосовое сообщение, просят перезвонить по номеру %s.",
                           person->phone);
          pair_add (d, &w->description, w->scratch->str);
        }
      if (related != 0)
        pair_add (d, &w->description, "Ранее уже обращались с этим вопросом.");
      if (chance (d, 0.15))
        {
          expand (extras[pick (d, G_N_ELEMENTS (extras))], &ctx, w->scratch);
          pair_add (d, &w->description, w->scratch->str);
        }
    }

  /* Status history, as far as `now` */
  n_steps = plan_steps (d, received, channel, topic, steps, &rejection);
  while (applied < n_steps && steps[applied].at <= d->now)
    applied++;
  updated = received;
  g_string_truncate (w->resolution, 0);
  g_string_truncate (w->ticket, 0);
  for (guint i = 0; i < applied; i++)
    {
      status = steps[i].status;
      updated = steps[i].at;
      if (first_response == 0 && status != HD_STATUS_CALLBACK)
        first_response = steps[i].at;
      if (i > 0 && steps[i - 1].status == HD_STATUS_CALLBACK)
        callback_done = steps[i].at;
      if (status == HD_STATUS_ESCALATED)
        {
          GDate on;

          escalated = TRUE;
          day_to_gdate (local_day (steps[i].at), &on);
          d->vendor_counter += 1 + pick (d, 37);
          g_string_printf (w->ticket, "DNV-%d-%06u", g_date_get_year (&on), d->vendor_counter % 1000000);
        }
      if (status == HD_STATUS_RESOLVED || status == HD_STATUS_REJECTED)
        resolved_at = steps[i].at;
    }
  if (status == HD_STATUS_RESOLVED)
    {
      if (escalated)
        g_string_printf (w->resolution, "Ошибка исправлена техподдержкой Дневник.ру по заявке %s.",
                         w->ticket->str);
      else
        g_string_assign (w->resolution, question->resolution);
    }

  g_string_truncate (w->search, 0);
  append_key (w->search, key_of (d, w->summary->str));
  append_key (w->search, w->description.key->str);
  append_key (w->search, key_of (d, w->resolution->str));
  append_key (w->search, person->key);

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, received);
  sqlite3_bind_int64 (stmt, 3, person->id);
  sqlite3_bind_text (stmt, 4, hd_enum_key (HD_ENUM_REQUESTER_KIND, kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, hd_enum_key (HD_ENUM_CHANNEL, channel), -1, SQLITE_STATIC);
  if (relayed >= 0)
    sqlite3_bind_int64 (stmt, 6, g_array_index (d->people, Person, relayed).id);
  sqlite3_bind_text (stmt, 7, hd_enum_key (HD_ENUM_TOPIC, topic), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, w->summary->str, (int) w->summary->len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, w->description.text->str, (int) w->description.text->len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, hd_enum_key (HD_ENUM_STATUS, status), -1, SQLITE_STATIC);
  if (status == HD_STATUS_REJECTED)
    {
      sqlite3_bind_text (stmt, 11, hd_enum_key (HD_ENUM_REJECTION_REASON, rejection), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 12, rejection_notes[rejection], -1, SQLITE_STATIC);
    }
  if (escalated)
    sqlite3_bind_text (stmt, 13, w->ticket->str, -1, SQLITE_STATIC);
  if (related != 0)
    sqlite3_bind_int64 (stmt, 14, related);
  sqlite3_bind_int (stmt, 15, related != 0);
  if (first_response != 0)
    sqlite3_bind_text (stmt, 16, chance (d, 0.85) ? d->consultant : d->deputy, -1, SQLITE_STATIC);
  if (channel == HD_CHANNEL_VOICEMAIL)
    sqlite3_bind_text (stmt, 17, person->phone, -1, SQLITE_STATIC);
  if (callback_done != 0)
    sqlite3_bind_int64 (stmt, 18, callback_done);
  if (first_response != 0)
    sqlite3_bind_int64 (stmt, 19, first_response);
  if (resolved_at != 0)
    sqlite3_bind_int64 (stmt, 20, resolved_at);
  sqlite3_bind_text (stmt, 21, w->resolution->str, (int) w->resolution->len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 22, person->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 23, w->search->str, (int) w->search->len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 24, updated);

  if (!hd_database_step_done (d->db, stmt, error))
    return FALSE;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (w->search_index != NULL)
    hd_fts_builder_add (w->search_index, id, w->search->str, w->search->len);

  /* The audit trail the request clock reads: 'created', then every change of status. (The
   * fields that came with a change are left out of the demo's history: a quarter fewer rows.) */
  if (!insert_event (d, w, id, received, "created", NULL, "new", error))
    return FALSE;
  for (guint i = 0; i < applied; i++)
    {
      guint8 old = i == 0 ? HD_STATUS_NEW : steps[i - 1].status;
      const char *old_key = hd_enum_key (HD_ENUM_STATUS, old);
      const char *new_key = hd_enum_key (HD_ENUM_STATUS, steps[i].status);

      if (!insert_event (d, w, id, steps[i].at, "status", old_key, new_key, error))
        return FALSE;
    }
  return TRUE;
}

#define REQUEST_COLUMNS \
  "id, received_at, requester_id, requester_kind, channel, relayed_by_id, topic, summary," \
  " description, status, rejection_reason, rejection_note, vendor_ticket, related_id, is_repeat," \
  " assignee, callback_phone, callback_done_at, first_response_at, resolved_at, resolution," \
  " requester_key, search_text, created_at, updated_at"

static const char request_sql[] =
  "INSERT INTO main.requests (" REQUEST_COLUMNS ")"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
  " ?19, ?20, ?21, ?22, ?23, ?2, ?24)";

static const char event_sql[] =
  "INSERT INTO main.request_events (request_id, at, field, old_value, new_value)"
  " VALUES (?1, ?2, ?3, ?4, ?5)";

/* The end of migration 1's FTS insert trigger, without white space: the bulk load does its
 * work on a thread of its own instead (see defer_schema, HdFtsBuilder). */
static const char fts_insert_trigger[] =
  "AFTERINSERTONrequestsBEGININSERTINTOrequests_fts(rowid,search_text)"
  "VALUES(new.id,new.search_text);END";

static void
writer_init (Writer *w)
{
  w->description.text = g_string_new (NULL);
  w->description.key = g_string_new (NULL);
  w->summary = g_string_new (NULL);
  w->resolution = g_string_new (NULL);
  w->search = g_string_new (NULL);
  w->scratch = g_string_new (NULL);
  w->ticket = g_string_new (NULL);
}

static void
writer_clear (Writer *w)
{
  g_string_free (w->description.text, TRUE);
  g_string_free (w->description.key, TRUE);
  g_string_free (w->summary, TRUE);
  g_string_free (w->resolution, TRUE);
  g_string_free (w->search, TRUE);
  g_string_free (w->scratch, TRUE);
  g_string_free (w->ticket, TRUE);
  g_clear_pointer (&w->request, sqlite3_finalize);
  g_clear_pointer (&w->event, sqlite3_finalize);
}

/* Statements of our own, prepared after the indexes are gone, not kept in the connection's
 * cache. */
static gboolean
writer_prepare (Demo *d, Writer *w, GError **error)
{
  sqlite3 *handle = hd_database_get_handle (d->db);
  int rc;

  rc = sqlite3_prepare_v3 (handle, request_sql, -1, SQLITE_PREPARE_PERSISTENT, &w->request, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v3 (handle, event_sql, -1, SQLITE_PREPARE_PERSISTENT, &w->event, NULL);
  if (rc != SQLITE_OK)
    {
      hd_database_set_error (d->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* @sql without white space */
static char *
strip_space (const char *sql)
{
  GString *out = g_string_sized_new (strlen (sql));

  for (const char *p = sql; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Row by row, every index of requests and request_events takes a random write per row, and
 * the FTS trigger a statement of its own (FTS5 work per row that dwarfs the row itself).
 * For the bulk load all the indexes of the two tables, whichever migration made them, and the
 * FTS insert trigger are dropped; their CREATE statements, read back from sqlite_schema, go
 * into @saved, to be run again by restore_schema(). When the trigger is the one migration 1
 * made, requests_fts is dropped too and its CREATE statement returned in @fts_sql: the
 * generator builds its index beside the rows (HdFtsBuilder). It all happens in the
 * generation's one transaction, so no one ever sees the tables without them. Any other
 * trigger stays and fires as usual: the result is the same, only slower. */
static gboolean
defer_schema (Demo       *d,
              GPtrArray  *saved,
              char      **fts_sql,
              GError    **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean fts_trigger = FALSE;
  int rc;

  *fts_sql = NULL;
  stmt = hd_database_prepare (d->db,
                              "SELECT type, name, tbl_name, sql FROM main.sqlite_schema"
                              " WHERE type IN ('index', 'trigger') AND sql IS NOT NULL"
                              " AND tbl_name IN ('requests', 'request_events') ORDER BY rowid",
                              error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = hd_database_step (d->db, stmt, error)) == SQLITE_ROW)
    {
      const char *type = hd_stmt_column_text (stmt, 0);
      const char *name = hd_stmt_column_text (stmt, 1);
      const char *sql = hd_stmt_column_text (stmt, 3);

      if (g_str_equal (type, "trigger"))
        {
          g_autofree char *flat = strip_space (sql);

          if (!g_str_has_suffix (flat, fts_insert_trigger))
            continue;
          fts_trigger = TRUE;
        }
      g_ptr_array_add (saved, g_strdup (sql));
      g_ptr_array_add (names, g_strdup_printf ("DROP %s main.\"%s\"",
                                               g_str_equal (type, "trigger") ? "TRIGGER" : "INDEX",
                                               name));
    }
  if (rc != SQLITE_DONE)
    return FALSE;

  if (fts_trigger)
    {
      g_autoptr(HdStmt) table = hd_database_prepare (d->db,
                                                     "SELECT sql FROM main.sqlite_schema"
                                                     " WHERE type = 'table' AND name = 'requests_fts'",
                                                     error);

      if (table == NULL)
        return FALSE;
      rc = hd_database_step (d->db, table, error);
      if (rc == SQLITE_ROW)
        {
          *fts_sql = g_strdup (hd_stmt_column_text (table, 0));
          g_ptr_array_add (names, g_strdup ("DROP TABLE main.requests_fts"));
        }
      else if (rc != SQLITE_DONE)
        return FALSE;
    }

  for (guint i = 0; i < names->len; i++)
    if (!hd_database_exec (d->db, g_ptr_array_index (names, i), error))
      return FALSE;
  return TRUE;
}

/* Undoes defer_schema() once the rows are in, in the same transaction */
static gboolean
restore_schema (Demo          *d,
                GPtrArray     *saved,
                HdFtsBuilder  *search_index,
                GCancellable  *cancellable,
                GError       **error)
{
  /* The search index first: what the trigger would have written for each new row */
  if (search_index != NULL)
    {
      if (!hd_fts_builder_finish (search_index, d->db, error))
        return FALSE;
      log_step (d, "search index");
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  /* The indexes. SQLite sorts the keys of each in runs of at most the cache size, and with
   * worker threads sorts one run while it reads the table on for the next; with one run as big
   * as the cache, it reads everything, then sorts alone. So small runs (LOAD_SORT_CACHE_SIZE)
   * and a thread per spare core; cache_spill=OFF keeps the pages written meanwhile in memory
   * instead of spilling them to the file to honour the smaller cache. On the reference machine
   * (2 cores) the ten indexes of a million requests take 6.6 s instead of 8.7 s. */
  {
    g_autofree char *threads = g_strdup_printf ("PRAGMA threads=%u",
                                                CLAMP (g_get_num_processors (), 1, 4) - 1);

    if (!hd_database_exec (d->db, threads, error) ||
        !hd_database_exec (d->db, "PRAGMA main.cache_spill=OFF", error) ||
        !hd_database_exec (d->db, "PRAGMA main.cache_size=" G_STRINGIFY (LOAD_SORT_CACHE_SIZE), error))
      return FALSE;
  }
  for (guint i = 0; i < saved->len; i++)
    {
      const char *sql = g_ptr_array_index (saved, i);
      const char *on = strstr (sql, " ON ");
      g_autofree char *label = g_strndup (sql, on != NULL ? (gsize) (on - sql) : strlen (sql));

      if (!hd_database_exec (d->db, sql, error))
        return FALSE;
      log_step (d, label);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  return TRUE;   /* hd_demo_generate() puts the settings back */
}

/* How many requests arrive on each day of the span: proportional to the day's weight, rounded
 * so that they add up to exactly n. */
static guint *
spread_over_days (Demo *d, gint64 first_day, guint n_days, guint n_requests)
{
  g_autofree double *weights = g_new (double, n_days);
  guint *counts = g_new0 (guint, n_days);
  double total = 0, cumulative = 0;
  guint64 given = 0;
  gint64 elapsed = d->now - day_start (local_day (d->now));

  for (guint i = 0; i < n_days; i++)
    {
      weights[i] = day_weight (d, first_day + i);
      total += weights[i];
    }
  /* today counts only for the part of the working day gone by */
  weights[n_days - 1] *= CLAMP ((double) (elapsed - WORK_START) / (WORK_END - WORK_START), 0.0, 1.0);
  total = 0;
  for (guint i = 0; i < n_days; i++)
    total += weights[i];

  for (guint i = 0; i < n_days; i++)
    {
      guint64 upto;

      cumulative += weights[i];
      upto = i == n_days - 1 ? n_requests : (guint64) floor (cumulative / total * n_requests);
      counts[i] = (guint) (upto - given);
      given = upto;
    }
  return counts;
}

/* Inside the caller's transaction */
static gboolean
write_requests (Demo                *d,
                guint                n_requests,
                HdDemoProgressFunc   progress,
                gpointer             user_data,
                GCancellable        *cancellable,
                GError             **error)
{
  static const double kinds[] = { 50, 38, 10, 2 };
  Writer w = { 0 };
  gint64 today = local_day (d->now);
  guint n_days = CLAMP ((guint) ((guint64) n_requests * 365 / PER_YEAR), MIN_SPAN_DAYS, MAX_SPAN_DAYS);
  gint64 first_day = today - n_days + 1;
  g_autofree guint *counts = spread_over_days (d, first_day, n_days, n_requests);
  g_autoptr(GArray) arrivals = g_array_new (FALSE, FALSE, sizeof (Arrival));
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *fts_sql = NULL;
  g_autoptr(HdFtsBuilder) search_index = NULL;
  gint64 id = 1;
  guint in_batch = 0;
  gboolean ok = FALSE;

  writer_init (&w);

  /* The CHECK constraints of requests test their IN lists through temporary b-trees that
   * SQLite builds and frees again for every row: nine tenths of the time of a row. The rows
   * are built to the rules, and test-demo runs an integrity check (which checks the CHECKs)
   * on what comes out. */
  if (!defer_schema (d, saved, &fts_sql, error) ||
      !hd_database_exec (d->db, "PRAGMA ignore_check_constraints=ON", error) ||
      !writer_prepare (d, &w, error))
    goto out;
  if (fts_sql != NULL)
    {
      search_index = hd_fts_builder_new (fts_sql, error);
      if (search_index == NULL)
        goto out;
      w.search_index = search_index;
    }

  for (guint day_i = 0; day_i < n_days; day_i++)
    {
      gint64 day = first_day + day_i;
      gint64 start = day_start (day);

      g_array_set_size (arrivals, 0);
      for (guint i = 0; i < counts[day_i]; i++)
        {
          Arrival a;

          a.seq = i;
          a.kind = (guint8) weighted (d, kinds, G_N_ELEMENTS (kinds));
          a.channel = pick_channel (d, a.kind);
          a.at = start + pick_second_of_day (d, a.channel, day_weekday (day));
          if (a.at > d->now)
            a.at = MAX (start, d->now - 60 - pick (d, 3600));
          g_array_append_val (arrivals, a);
        }
      g_array_sort (arrivals, compare_arrivals);

      for (guint i = 0; i < arrivals->len; i++)
        {
          const Arrival *a = &g_array_index (arrivals, Arrival, i);

          if (!write_request (d, &w, id, a->at, a->kind, a->channel, error))
            goto out;
          id++;

          if (++in_batch == HD_DEMO_BATCH_SIZE)
            {
              in_batch = 0;
              if (progress != NULL)
                progress ((guint) (id - 1), n_requests, user_data);
              if (g_cancellable_set_error_if_cancelled (cancellable, error))
                goto out;
            }
        }
    }

  log_step (d, "request rows");
  if (!hd_database_exec (d->db, "PRAGMA ignore_check_constraints=OFF", error))
    goto out;
  if (!restore_schema (d, saved, search_index, cancellable, error))
    goto out;
  if (progress != NULL)
    progress (n_requests, n_requests, user_data);
  ok = TRUE;

out:
  hd_database_exec (d->db, "PRAGMA ignore_check_constraints=OFF", NULL);
  writer_clear (&w);
  return ok;
}

/* ---------------------------------------------------------------------------------------- */
/* Reception hours, newcomers, appointments                                                  */

static gboolean
write_reception_hours (Demo *d, gint64 first_day, GError **error)
{
  g_autoptr(HdStmt) stmt = NULL;
  GDate from;
  g_autofree char *from_iso = NULL;
  g_autofree char *approved_iso = NULL;

  /* Approved for the school year in which the data starts */
  day_to_gdate (first_day, &from);
  if (g_date_get_month (&from) < 9)
    g_date_subtract_years (&from, 1);
  g_date_set_day (&from, 1);
  g_date_set_month (&from, G_DATE_SEPTEMBER);
  from_iso = hd_date_to_iso (&from);
  g_date_subtract_days (&from, 4);
  approved_iso = hd_date_to_iso (&from);

  stmt = hd_database_prepare (d->db,
                              "INSERT INTO reception_hours (weekday, starts_min, ends_min, place,"
                              " valid_from, approved_on) VALUES (?1, 840, 960, 'каб. 214', ?2, ?3)",
                              error);
  if (stmt == NULL)
    return FALSE;
  for (int weekday = 2; weekday <= 4; weekday += 2)   /* Tuesday and Thursday */
    {
      sqlite3_bind_int (stmt, 1, weekday);
      sqlite3_bind_text (stmt, 2, from_iso, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, approved_iso, -1, SQLITE_STATIC);
      if (!hd_database_step_done (d->db, stmt, error))
        return FALSE;
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gint64
insert_appointment (Demo        *d,
                    gint64       starts_at,
                    gint64       person_id,
                    gint64       request_id,
                    gint64       newcomer_id,
                    const char  *topic,
                    const char  *mode,
                    const char  *status,
                    gboolean     walk_in,
                    gint64       rescheduled_to,
                    const char  *notes,
                    const char  *outcome,
                    GError     **error)
{
  g_autoptr(HdStmt) stmt = NULL;

  stmt = hd_database_prepare (d->db,
                              "INSERT INTO appointments (starts_at, ends_at, person_id, request_id,"
                              " newcomer_id, topic, mode, status, walk_in, rescheduled_to, notes,"
                              " outcome, created_at, updated_at)"
                              " VALUES (?1, ?1 + 1800, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                              " ?13, ?12)",
                              error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, starts_at);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (request_id != 0)
    sqlite3_bind_int64 (stmt, 3, request_id);
  if (newcomer_id != 0)
    sqlite3_bind_int64 (stmt, 4, newcomer_id);
  sqlite3_bind_text (stmt, 5, topic, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, mode, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, status, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, walk_in);
  if (rescheduled_to != 0)
    sqlite3_bind_int64 (stmt, 9, rescheduled_to);
  sqlite3_bind_text (stmt, 10, notes, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, outcome, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 12, MIN (starts_at + 1800, d->now));
  sqlite3_bind_int64 (stmt, 13, MIN (starts_at - 3 * DAY, d->now));
  if (!hd_database_step_done (d->db, stmt, error))
    return 0;
  return hd_database_last_insert_id (d->db);
}

/* One newcomer: a new member of staff, the deadline of their training, and the training itself
 * (@trained < 0: not yet) with its consultation. */
static gboolean
add_newcomer (Demo *d, gint64 started, gint64 trained, GError **error)
{
  static const char * const notes[] = {
    "Вводный инструктаж по работе в Дневник.ру: вход, журнал, расписание.",
    "Показали заполнение журнала и КТП.",
    "Инструктаж проведён вместе с наставником.",
  };
  g_autoptr(HdStmt) stmt = NULL;
  g_autoptr(HdStmt) event = NULL;
  const char *surname = surnames[pick (d, G_N_ELEMENTS (surnames))];
  const char *position = newcomer_posts[pick (d, G_N_ELEMENTS (newcomer_posts))];
  g_autofree char *started_iso = iso_of_day (started);
  g_autofree char *due_iso = NULL;
  g_autofree char *trained_iso = NULL;
  GDate started_date, due;
  gint64 person_id, newcomer_id;
  gint64 created_at = day_start (started) + 9 * 3600;
  guint person;

  day_to_gdate (started, &started_date);
  due_date (d, &started_date, &due);
  due_iso = hd_date_to_iso (&due);
  if (trained >= 0)
    trained_iso = iso_of_day (trained);

  person = add_person (d, HD_REQUESTER_STAFF, chance (d, 0.8), surname, -1, TRUE);
  g_array_append_val (d->staff, person);
  if (!insert_person (d, person, position, surname, day_start (started), error))
    return FALSE;
  person_id = g_array_index (d->people, Person, person).id;

  stmt = hd_database_prepare (d->db,
                              "INSERT INTO newcomers (person_id, started_on, due_on, trained_on,"
                              " trainer, checklist, notes, created_at, updated_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, started_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, due_iso, -1, SQLITE_STATIC);
  hd_stmt_bind_text (stmt, 4, trained_iso, TRUE);
  hd_stmt_bind_text (stmt, 5, trained >= 0 ? d->consultant : NULL, TRUE);
  sqlite3_bind_int (stmt, 6, trained >= 0 ? 0x1f : (int) pick (d, 4));
  sqlite3_bind_text (stmt, 7, trained >= 0 ? notes[pick (d, G_N_ELEMENTS (notes))] : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, created_at);
  sqlite3_bind_int64 (stmt, 9, trained >= 0 ? MIN (day_start (trained) + 16 * 3600, d->now) : created_at);
  if (!hd_database_step_done (d->db, stmt, error))
    return FALSE;
  newcomer_id = hd_database_last_insert_id (d->db);

  event = hd_database_prepare (d->db,
                               "INSERT INTO newcomer_events (newcomer_id, at, field, old_value, new_value)"
                               " VALUES (?1, ?2, ?3, NULL, ?4)",
                               error);
  if (event == NULL)
    return FALSE;
  sqlite3_bind_int64 (event, 1, newcomer_id);
  sqlite3_bind_int64 (event, 2, created_at);
  sqlite3_bind_text (event, 3, "created", -1, SQLITE_STATIC);
  if (!hd_database_step_done (d->db, event, error))
    return FALSE;
  sqlite3_reset (event);

  if (trained >= 0)
    {
      gint64 at = day_start (trained) + (10 + pick (d, 6)) * 3600;

      sqlite3_bind_int64 (event, 1, newcomer_id);
      sqlite3_bind_int64 (event, 2, MIN (at + 3600, d->now));
      sqlite3_bind_text (event, 3, "trained_on", -1, SQLITE_STATIC);
      sqlite3_bind_text (event, 4, trained_iso, -1, SQLITE_STATIC);
      if (!hd_database_step_done (d->db, event, error))
        return FALSE;
      if (at + 1800 <= d->now &&
          insert_appointment (d, at, person_id, 0, newcomer_id, "other", "in_person", "held",
                              FALSE, 0, "Обучение нового сотрудника", "Инструктаж проведён",
                              error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gint64
working_day_before (Demo *d, gint64 day, guint n)
{
  while (n > 0)
    {
      day--;
      if (is_working_day (d, day))
        n--;
    }
  return day;
}

/* Newcomers of every school year in the span: half start at the turn of August and
 * September, the rest during the year. Most are trained on time, some late; and now one is
 * overdue and one is still within the deadline. */
static gboolean
write_newcomers (Demo *d, gint64 first_day, GError **error)
{
  gint64 today = local_day (d->now);
  GDate first;
  int year;

  day_to_gdate (first_day, &first);
  year = g_date_get_year (&first) - (g_date_get_month (&first) < 9 ? 1 : 0);

  for (;; year++)
    {
      GDate sept;
      gint64 sept_day;
      guint n = 10 + pick (d, 7);

      g_date_clear (&sept, 1);
      g_date_set_dmy (&sept, 1, G_DATE_SEPTEMBER, (GDateYear) year);
      sept_day = gdate_to_day (&sept);
      if (sept_day - 7 > today)
        break;

      for (guint i = 0; i < n; i++)
        {
          gint64 started, trained, due_day;
          GDate started_date, due;

          started = i < n / 2 ? sept_day - 6 + pick (d, 10) : sept_day + 20 + pick (d, 250);
          while (!is_working_day (d, started))
            started++;
          /* leave the last days to the two below */
          if (started > today - 14)
            continue;

          day_to_gdate (started, &started_date);
          due_date (d, &started_date, &due);
          due_day = gdate_to_day (&due);
          if (chance (d, 0.85))
            trained = started + pick (d, (guint) (due_day - started + 1));
          else
            trained = due_day + 1 + pick (d, 6);
          while (!is_working_day (d, trained))
            trained++;
          if (trained > today)
            trained = -1;

          if (!add_newcomer (d, started, trained, error))
            return FALSE;
        }
    }

  return add_newcomer (d, working_day_before (d, today, 7), -1, error) &&
         add_newcomer (d, working_day_before (d, today, 1), -1, error);
}

static gboolean
write_appointments (Demo *d, gint64 first_day, GError **error)
{
  static const double status_w[] = { 0, 78, 4, 8, 3, 7 };  /* order of HdAppointmentStatus */
  static const double mode_w[] = { 75, 15, 10 };
  static const char * const outcomes[] = {
    "Вопрос разобран, показали нужный раздел.",
    "Объяснили порядок работы, заявитель справился сам.",
    "Проблему решили на месте.",
  };
  g_autoptr(HdStmt) find = NULL;
  gint64 last_day = local_day (d->now) + 14;
  gint64 pending_person = 0;

  find = hd_database_prepare (d->db,
                              "SELECT id, requester_id, topic FROM requests"
                              " WHERE received_at BETWEEN ?1 AND ?2 AND channel <> 'in_person'"
                              " ORDER BY received_at LIMIT 1 OFFSET ?3",
                              error);
  if (find == NULL)
    return FALSE;

  for (gint64 day = first_day; day <= last_day; day++)
    {
      int wd = day_weekday (day);
      GDate date;
      guint n_slots;
      guint month;

      if ((wd != 1 && wd != 3) || !is_working_day (d, day))
        continue;
      day_to_gdate (day, &date);
      month = g_date_get_month (&date);
      if (month >= 6 && month <= 8)
        continue;

      n_slots = pick (d, 4);
      for (guint slot = 0; slot < 4; slot++)
        {
          gint64 starts = day_start (day) + 14 * 3600 + slot * 1800;
          gint64 request_id = 0, person_id = 0;
          const char *topic = "other";
          const char *status;
          guint8 mode;
          int rc;

          if (slot >= n_slots && !(slot == 3 && pending_person != 0))
            continue;

          if (slot == 3 && pending_person != 0)
            {
              /* the consultation moved from last week */
              person_id = pending_person;
              pending_person = 0;
            }
          else
            {
              sqlite3_bind_int64 (find, 1, starts - 7 * DAY);
              sqlite3_bind_int64 (find, 2, starts - DAY);
              sqlite3_bind_int (find, 3, (int) pick (d, 5));
              rc = hd_database_step (d->db, find, error);
              if (rc == SQLITE_ROW && chance (d, 0.7))
                {
                  request_id = sqlite3_column_int64 (find, 0);
                  person_id = sqlite3_column_int64 (find, 1);
                  topic = g_string_chunk_insert_const (d->strings, hd_stmt_column_text (find, 2));
                }
              else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
                return FALSE;
              sqlite3_reset (find);
            }
          if (person_id == 0)
            {
              int c = (int) pick (d, N_CLASSES);

              person_id = chance (d, 0.5)
                ? g_array_index (d->people, Person, g_array_index (d->staff, guint, pick (d, d->staff->len))).id
                : g_array_index (d->people, Person, g_array_index (d->parents[c], guint, pick (d, d->parents[c]->len))).id;
              topic = hd_enum_key (HD_ENUM_TOPIC, (int) pick (d, HD_N_TOPICS));
            }

          mode = (guint8) weighted (d, mode_w, G_N_ELEMENTS (mode_w));
          if (starts + 1800 > d->now)
            status = "scheduled";
          else
            {
              int s = (int) weighted (d, status_w, G_N_ELEMENTS (status_w));

              if (s == HD_APPOINTMENT_RESCHEDULED)
                {
                  if (pending_person != 0)
                    s = HD_APPOINTMENT_CANCELLED_REQUESTER;
                  else
                    pending_person = person_id;
                }
              status = hd_enum_key (HD_ENUM_APPOINTMENT_STATUS, s);
            }

          if (insert_appointment (d, starts, person_id, request_id, 0, topic,
                                  hd_enum_key (HD_ENUM_APPOINTMENT_MODE, mode), status,
                                  mode == HD_MODE_IN_PERSON && chance (d, 0.1), 0, "",
                                  g_str_equal (status, "held") ? outcomes[pick (d, G_N_ELEMENTS (outcomes))] : "",
                                  error) == 0)
            return FALSE;
        }
    }

  /* Link each rescheduled consultation to the next one of the same person */
  return hd_database_exec (d->db,
                           "UPDATE appointments AS a SET rescheduled_to ="
                           " (SELECT b.id FROM appointments AS b WHERE b.person_id = a.person_id"
                           "  AND b.starts_at > a.starts_at ORDER BY b.starts_at LIMIT 1)"
                           " WHERE a.status = 'rescheduled'",
                           error);
}

/* ---------------------------------------------------------------------------------------- */
/* Public API                                                                                */

static int
query_int (HdDatabase *db, const char *sql)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, sql, NULL);

  if (stmt == NULL || hd_database_step (db, stmt, NULL) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int (stmt, 0);
}

/* Runs @sql and compares the text of its first row with @expected */
static gboolean
query_text_equal (HdDatabase *db, const char *sql, const char *expected)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db, sql, NULL);

  return stmt != NULL && hd_database_step (db, stmt, NULL) == SQLITE_ROW &&
         g_strcmp0 (hd_stmt_column_text (stmt, 0), expected) == 0;
}

static gboolean
is_empty (HdDatabase *db, GError **error)
{
  g_autoptr(HdStmt) stmt = hd_database_prepare (db,
                                                "SELECT (SELECT count(*) FROM people) +"
                                                " (SELECT count(*) FROM requests)",
                                                error);

  if (stmt == NULL || hd_database_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  if (sqlite3_column_int64 (stmt, 0) != 0)
    {
      g_set_error_literal (error, HD_ERROR, HD_ERROR_CONFLICT,
                           _("Demo data can only be added to an empty database, and this one "
                             "already has records. Choose a new file for the demo."));
      return FALSE;
    }
  return TRUE;
}

/**
 * hd_demo_generate:
 * @db: an empty, writable database
 * @n_requests: how many requests to write (up to a few million)
 * @seed: the same seed gives the same data
 * @now: the moment the data ends (Unix seconds); nothing lies after it except booked
 *   consultations
 * @progress: (nullable): called after every %HD_DEMO_BATCH_SIZE requests
 * @cancellable: (nullable): checked after every %HD_DEMO_BATCH_SIZE requests
 *
 * Fills @db with a school's worth of demo data: staff, students and parents of classes
 * 1А–11Б, reception hours, @n_requests requests spread over the school years that end at
 * @now (about 3 600 a year, so a month looks like a real month; large counts are squeezed into
 * ten years), consultations and newcomers.
 *
 * It is all one transaction: if cancelled, failing or killed, nothing of it stays. Call it
 * outside a transaction. For the load the file leaves WAL for a rollback journal when no
 * other connection has it open (and goes back to WAL at the end), the indexes of requests and
 * request_events and the FTS insert trigger are set aside and made again from their own SQL,
 * and the search index is built on a second thread while the rows are written; the result is
 * the same as row by row. Memory: up to 256 MiB of page cache (the pages of the indexes are
 * held until the commit), the search index in memory (66 MiB for a million requests) with
 * 64 MiB of pending terms, and the file is mapped (up to 2 GiB). Time: a million requests take
 * 12–13 s on the reference machine with 2 cores (tests/bench/bench-core.sh): half writing the
 * rows while the search index is built beside them, half building the other indexes.
 *
 * Returns: %TRUE on success; %HD_ERROR_CONFLICT when @db already has records
 */
gboolean
hd_demo_generate (HdDatabase          *db,
                  guint                n_requests,
                  guint32              seed,
                  gint64               now,
                  HdDemoProgressFunc   progress,
                  gpointer             user_data,
                  GCancellable        *cancellable,
                  GError             **error)
{
  Demo d = { 0 };
  int cache_size = 0;
  int foreign_keys = 0;
  gboolean rollback_journal = FALSE;
  gint64 today, first_day;
  guint n_days;
  gboolean ok = FALSE;

  g_return_val_if_fail (HD_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_empty (db, error))
    return FALSE;

  d.db = db;
  d.started = g_get_monotonic_time ();
  d.started_cpu = clock ();
  d.rand = g_rand_new_with_seed (seed);
  d.now = now;
  d.strings = g_string_chunk_new (64 * 1024);
  d.keys = g_hash_table_new (g_str_hash, g_str_equal);
  d.people = g_array_new (FALSE, TRUE, sizeof (Person));
  d.staff = g_array_new (FALSE, FALSE, sizeof (guint));
  d.others = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < N_CLASSES; i++)
    {
      d.students[i] = g_array_new (FALSE, FALSE, sizeof (guint));
      d.parents[i] = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  d.vendor_counter = 4000 + g_rand_int_range (d.rand, 0, 1000);

  /* The production calendar makes the data follow the real holidays; without it, Mon–Fri. */
  d.workdays = hd_workdays_new (NULL);
  if (d.workdays != NULL && !hd_workdays_load_overrides (d.workdays, db, NULL))
    g_clear_object (&d.workdays);

  today = local_day (now);
  n_days = CLAMP ((guint) ((guint64) n_requests * 365 / PER_YEAR), MIN_SPAN_DAYS, MAX_SPAN_DAYS);
  first_day = today - n_days + 1;

  /* A page cache for the bulk load, so pages are not spilled and read back; put back below */
  cache_size = query_int (db, "PRAGMA main.cache_size");
  if (!hd_database_exec (db, "PRAGMA main.cache_size=" G_STRINGIFY (LOAD_CACHE_SIZE), error))
    goto out;
  /* Every row refers to people and requests written before it, by construction; checking
   * each reference is a b-tree search per row and per event. test-demo runs
   * foreign_key_check on what comes out. (It cannot change inside a transaction.) */
  foreign_keys = query_int (db, "PRAGMA foreign_keys");
  if (!hd_database_exec (db, "PRAGMA foreign_keys=OFF", error))
    goto out;
  /* Each index built reads the whole table again: mapped, not copied by read(2) */
  if (!hd_database_exec (db, "PRAGMA main.mmap_size=" G_STRINGIFY (LOAD_MMAP_SIZE), error))
    goto out;

  /* One transaction: a crash, an error or a cancellation leaves the file as it was. In a
   * rollback journal it costs one write of each page: the journal keeps only the few pages
   * that existed before, while WAL would write every new page twice (to the WAL, then to the
   * file) and look spilled pages up in the WAL. Switching needs the file to ourselves; when
   * another connection has it open, stay in WAL. After a crash the journal is hot: the file is
   * whole again once a normal connection has rolled it back (an immutable one would not). */
  rollback_journal = query_text_equal (db, "PRAGMA main.journal_mode=DELETE", "delete");
  g_debug ("journal: %s", rollback_journal ? "rollback" : "WAL (the file is open elsewhere)");
  if (!hd_database_begin (db, error))
    goto out;
  if (!hd_database_set_setting (db, HD_SETTING_SCHOOL_NAME, HD_DEFAULT_SCHOOL_NAME, error) ||
      !hd_database_set_setting (db, HD_SETTING_SUPPORT_PHONE, HD_DEFAULT_SUPPORT_PHONE, error) ||
      !hd_database_set_setting (db, HD_SETTING_SUPPORT_EMAIL, HD_DEFAULT_SUPPORT_EMAIL, error) ||
      !make_people (&d, day_start (first_day) - 30 * DAY, error) ||
      !write_reception_hours (&d, first_day, error) ||
      !write_newcomers (&d, first_day, error))
    goto fail;

  d.last_request = g_new0 (gint64, d.people->len);
  d.last_request_at = g_new0 (gint64, d.people->len);
  d.last_topic = g_new0 (guint8, d.people->len);

  log_step (&d, "people, reception hours, newcomers");
  if (!write_requests (&d, n_requests, progress, user_data, cancellable, error))
    goto fail;
  log_step (&d, "indexes");
  if (!write_appointments (&d, first_day, error))
    goto fail;
  if (!hd_database_commit (db, error))
    goto out;

  log_step (&d, "commit");
  /* Fresh statistics for the query planner after a bulk load */
  ok = hd_database_exec (db, "PRAGMA optimize", error);
  log_step (&d, "optimize");
  goto out;

fail:
  hd_database_rollback (db);
out:
  hd_database_exec (db, "PRAGMA main.mmap_size=0", NULL);
  hd_database_exec (db, "PRAGMA threads=0", NULL);
  hd_database_exec (db, "PRAGMA main.cache_spill=ON", NULL);
  if (foreign_keys)
    hd_database_exec (db, "PRAGMA foreign_keys=ON", NULL);
  if (rollback_journal &&
      !query_text_equal (db, "PRAGMA main.journal_mode=WAL", "wal"))
    g_warning ("Could not switch %s back to WAL", hd_database_get_path (db));
  if (cache_size != 0)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA main.cache_size=%d", cache_size);

      hd_database_exec (db, pragma, NULL);
    }
  demo_clear (&d);
  return ok;
}

typedef struct {
  guint   n_requests;
  guint32 seed;
  gint64  now;
} GenerateData;

static void
generate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_autoptr(HdDatabase) db = NULL;
  GenerateData *data = task_data;
  GError *error = NULL;

  /* A connection of the worker's own: a connection belongs to one thread at a time */
  db = hd_database_open_connection (source_object, &error);
  if (db == NULL || !hd_demo_generate (db, data->n_requests, data->seed, data->now,
                                       NULL, NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * hd_demo_generate_async:
 *
 * hd_demo_generate() in a worker thread, on a connection of its own.
 */
void
hd_demo_generate_async (HdDatabase          *db,
                        guint                n_requests,
                        guint32              seed,
                        gint64               now,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GenerateData *data;

  g_return_if_fail (HD_IS_DATABASE (db));

  data = g_new0 (GenerateData, 1);
  data->n_requests = n_requests;
  data->seed = seed;
  data->now = now;
  task = g_task_new (db, cancellable, callback, user_data);
  g_task_set_source_tag (task, hd_demo_generate_async);
  g_task_set_task_data (task, data, g_free);
  g_task_run_in_thread (task, generate_thread);
}

gboolean
hd_demo_generate_finish (HdDatabase    *db,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, db), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
