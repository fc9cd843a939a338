/* app-a11y.c — names a screen reader hears where GTK 4.8 gives none or a wrong one
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "phaen-a11y"

#include "config.h"

#include "app-a11y.h"

/* GTK 4.8 names a button on the accessibility bus from its accessible label property, which
 * it sets to the raw label (`_Open…`), joined with the text of the label it is labelled by
 * (`Open…`): "_Open… Open…"; or, for some, from nothing at all: "GtkButton". The label
 * property set to the plain text gives one name, as the user reads it (tests/test-atspi.py). */

char *
app_a11y_strip_mnemonic (const char *text)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            p++; /* "__" is a literal underscore */
          else
            continue;
        }
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

static void
name_by_label (GtkWidget *widget, const char *label, gboolean use_underline)
{
  g_autofree char *plain = NULL;

  if (label == NULL || *label == '\0')
    return;
  plain = use_underline ? app_a11y_strip_mnemonic (label) : g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                  -1);
}

static void
name_control (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && !GTK_IS_TOGGLE_BUTTON (widget) &&
      GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      if (gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
        name_by_label (widget, gtk_button_get_label (GTK_BUTTON (widget)),
                       gtk_button_get_use_underline (GTK_BUTTON (widget)));
      else /* a label of its own as the child, a link's say */
        name_by_label (widget,
                       gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget)))),
                       FALSE);
    }
  else if (GTK_IS_MENU_BUTTON (widget))
    name_by_label (widget, gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)),
                   gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)));
  else if (GTK_IS_EXPANDER (widget))
    name_by_label (widget, gtk_expander_get_label (GTK_EXPANDER (widget)),
                   gtk_expander_get_use_underline (GTK_EXPANDER (widget)));
}

static gboolean
map_hook (GSignalInvocationHint *hint, guint n_params, const GValue *params, gpointer data)
{
  name_control (g_value_get_object (&params[0]));
  return TRUE; /* stay installed */
}

void
app_a11y_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  name_control (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    app_a11y_name_controls (child);
}

void
app_a11y_install (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* The signal exists once the class does, which no widget may have made yet. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, map_hook, NULL,
                                  NULL);
      g_once_init_leave (&installed, 1);
    }
}

void
app_a11y_label_drop_down (GtkWidget *drop_down, const char *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* GTK 4.8's drop-down is a toggle button and a popover: the button takes the focus and is
   * what a screen reader reads ("GtkToggleButton" without a name). */
  for (GtkWidget *child = gtk_widget_get_first_child (drop_down); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
}
