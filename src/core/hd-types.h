/* hd-types.h — forward declarations of the core's records, so headers need not include each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HdDatabase       HdDatabase;
typedef struct _HdWorkdays       HdWorkdays;

typedef struct _HdPerson         HdPerson;
typedef struct _HdRequest        HdRequest;
typedef struct _HdNewcomer       HdNewcomer;
typedef struct _HdAppointment    HdAppointment;
typedef struct _HdReceptionHours HdReceptionHours;
typedef struct _HdEvent          HdEvent;

G_END_DECLS
